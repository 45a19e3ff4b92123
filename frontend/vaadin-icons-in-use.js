/*
 * The Vaadin icons the portal shows: every VaadinIcon.X and "vaadin:x" its Java code names (VaadinIconsInUseTest
 * fails when one is missing here). vite.config.ts keeps only these of the 636 in @vaadin/icons, whose whole set
 * (240 KB of script, half a second of a phone's time to run) every page would otherwise load first (issue 23).
 * Loaded with the main layout, so a change here makes Vaadin rebuild its bundles.
 */
export const vaadinIconsInUse = [
  'adjust',
  'angle-left',
  'angle-right',
  'arrow-down',
  'arrow-up',
  'arrows-long-h',
  'bed',
  'calendar',
  'calendar-clock',
  'calendar-user',
  'chart',
  'check',
  'check-circle',
  'clipboard-text',
  'close-small',
  'comments',
  'edit',
  'envelopes',
  'magic',
  'moon-o',
  'notebook',
  'paperplane',
  'plus',
  'records',
  'search',
  'sign-out',
  'sun-o',
  'trash',
  'trending-up',
  'user',
  'user-card',
  'users',
  'warning'
];
