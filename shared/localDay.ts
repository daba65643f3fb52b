/** The day a moment falls on where the user is, as an ISO date ("2026-12-03"). */
export const localIsoDay = (moment: Date): string =>
  [moment.getFullYear(), moment.getMonth() + 1, moment.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');
