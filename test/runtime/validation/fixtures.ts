/** Valid events the rule tables start from, and a way to derive a variant of one. */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Event = { [key: string]: Json };

/** The seed's SocialGameInvite example, with relationshipToInvitee where it belongs. */
export const gameInvite: Event = {
  timestamp: '2019-02-13T14:00:00Z',
  referenceId: 'game0001',
  expiryTime: '2019-02-13T16:00:00Z',
  event: {
    name: 'AMAZON.SocialGameInvite.Available',
    payload: {
      invite: {
        inviter: { name: 'Max' },
        relationshipToInvitee: 'FRIEND',
        inviteType: 'CHALLENGE',
      },
      game: { offer: 'MATCH', name: 'localizedattribute:gameName' },
    },
  },
  localizedAttributes: [{ locale: 'en-US', gameName: 'Example Word Game' }],
  relevantAudience: { type: 'Unicast', payload: { user: 'amzn1.ask.account.EXAMPLE' } },
};

/** A WeatherAlert in two locales, its source localized. */
export const weatherAlert: Event = {
  timestamp: '2019-02-13T14:00:00.00Z',
  referenceId: 'weather~0001',
  expiryTime: '2019-02-13T16:00:00+01:00',
  event: {
    name: 'AMAZON.WeatherAlert.Activated',
    payload: { weatherAlert: { source: 'localizedattribute:source', alertType: 'TORNADO' } },
  },
  localizedAttributes: [
    { locale: 'en-US', source: 'Example Weather Corp' },
    { locale: 'de-DE', source: 'Beispielwetter' },
  ],
  relevantAudience: { type: 'Multicast', payload: {} },
};

export const trashCollection: Event = {
  timestamp: '2019-03-02T08:00:00Z',
  referenceId: 'trash0001',
  expiryTime: '2019-03-02T20:00:00Z',
  event: {
    name: 'AMAZON.TrashCollectionAlert.Activated',
    payload: { alert: { garbageTypes: ['GLASS', 'CANS'], collectionDayOfWeek: 'TUESDAY' } },
  },
  localizedAttributes: [],
  relevantAudience: { type: 'Multicast', payload: {} },
};

/** A deep copy of `event` changed by `change`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit JSON freely
export function variant(event: Event, change: (copy: any) => void): Event {
  const copy = structuredClone(event);
  change(copy);
  return copy;
}
