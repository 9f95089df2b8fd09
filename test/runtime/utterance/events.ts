/** Builds complete events around a payload, for the previewer tests. */
export function eventOf(
  name: string,
  payload: unknown,
  localizedAttributes: Record<string, string>[] = [],
): unknown {
  return {
    timestamp: '2019-05-01T10:00:00Z',
    referenceId: 'preview-test',
    expiryTime: '2019-05-01T11:00:00Z',
    event: { name, payload },
    localizedAttributes,
    relevantAudience: { type: 'Multicast', payload: {} },
  };
}
