/**
 * The eight schemas Amazon published when these tests were written. Tests that pin Amazon's own
 * wording (exact utterances, one hand-written case per template variant) hold these to it; any
 * other schema in definitions/ — a maintainer's ninth — is covered through its definition's
 * examples instead, so adding one leaves these tests green. Counts and name lists of "every
 * schema" come from the generated catalog, never from here.
 */
export const amazonEventNames = [
  'AMAZON.WeatherAlert.Activated',
  'AMAZON.SportsEvent.Updated',
  'AMAZON.MessageAlert.Activated',
  'AMAZON.OrderStatus.Updated',
  'AMAZON.Occasion.Updated',
  'AMAZON.TrashCollectionAlert.Activated',
  'AMAZON.MediaContent.Available',
  'AMAZON.SocialGameInvite.Available',
] as const;

export type AmazonEventName = (typeof amazonEventNames)[number];

export const isAmazonEventName = (name: string): name is AmazonEventName =>
  (amazonEventNames as readonly string[]).includes(name);
