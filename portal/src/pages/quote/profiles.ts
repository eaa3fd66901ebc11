// The typical load profiles of the national pack (docs/quotes.md "Load
// profiles"). The portal has no call that lists them, so it offers the
// documented names; a name the packs lack is refused by the core
// (PD_PROFILE_UNKNOWN at /usage/profile) and the message shows by the field.
export const PROFILES = [
  'flat', 'residential', 'commercial', 'industry_one_shift', 'industry_two_shift', 'industry_three_shift',
  'agricultural', 'ev_home', 'ev_public',
] as const;
