/**
 * What cannot be seen from a server: settings on the device and in the Alexa app. The doctor lists
 * them so the person debugging knows where to look once every automatic check passes.
 */
import type { Stage } from '../client/endpoints.js';
import type { ManualCheck } from './report.js';

export function manualChecks(stage: Stage): ManualCheck[] {
  return [
    stage === 'development'
      ? {
          id: 'manual.testing-enabled',
          title: 'skill enabled for testing',
          how: "In the developer console's Test tab, testing is set to Development, signed in with the Amazon account the device is registered to.",
        }
      : {
          id: 'manual.live-skill-enabled',
          title: 'live skill enabled',
          how: 'The user enabled the published skill from the skill store (the live version, not a development one) with the account the device is registered to.',
        },
    {
      id: 'manual.notifications-toggle',
      title: 'notifications toggle',
      how: 'In the Alexa app: More → Skills & Games → Your Skills → the skill → Settings → Manage Permissions: Alexa Notifications is on, as is the toggle of this event.',
    },
    {
      id: 'manual.do-not-disturb',
      title: 'Do Not Disturb',
      how: 'In the Alexa app under Devices → the device → Do Not Disturb: it is off (or scheduled outside the time of sending); during it notifications arrive silently.',
    },
    {
      id: 'manual.notification-indicator',
      title: 'notification indicator',
      how: 'A proactive event is not spoken by itself: the device chimes and shows a pulsing yellow light (screen devices show a banner); say "Alexa, what are my notifications?" to hear it.',
    },
  ];
}
