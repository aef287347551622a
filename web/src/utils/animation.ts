/**
 * Browser tests switch chart animation off with window.__HOUQIN_TEST__ = true
 * or ?noanim=1 (before or after the "#" of the hash route).
 */
export function chartAnimationDisabled(win: Pick<Window, 'location'> & { __HOUQIN_TEST__?: boolean } = window): boolean {
  if (win.__HOUQIN_TEST__ === true) return true;
  const { search, hash } = win.location;
  const hashQuery = hash.includes('?') ? hash.slice(hash.indexOf('?')) : '';
  return [search, hashQuery].some((query) => new URLSearchParams(query).get('noanim') === '1');
}
