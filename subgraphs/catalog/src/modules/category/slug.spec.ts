import { slugify } from './slug';

describe('slugify', () => {
  it.each([
    ['Atún aleta amarilla', 'atun-aleta-amarilla'],
    ['Camarón', 'camaron'],
    ['  Mejillón   & Concha  ', 'mejillon-concha'],
    ['Ceviche mix (listo)', 'ceviche-mix-listo'],
    ['Niño', 'nino'],
    ['¡¿!?', ''],
  ])('%s -> %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('keeps at most 80 characters and never ends in a hyphen', () => {
    const slug = slugify(`${'a'.repeat(79)} b`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });
});
