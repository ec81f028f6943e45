import { fold, isTypoOf, wordsOf } from './spanish-text';

describe('fold', () => {
  it('drops case and accents, ñ included', () => {
    expect(fold('CAMARÓN')).toBe('camaron');
    expect(fold('Atún')).toBe('atun');
    expect(fold('Ñato')).toBe('nato');
    // decomposed input (a combining accent) folds the same
    expect(fold('camaro\u0301n')).toBe('camaron');
  });
});

describe('wordsOf', () => {
  it('splits on punctuation, ¿? and emoji, keeping each word as written (lower case) and folded', () => {
    expect(wordsOf('¿Hay CAMARÓN hoy?? 🦐')).toEqual([
      { text: 'hay', key: 'hay' },
      { text: 'camarón', key: 'camaron' },
      { text: 'hoy', key: 'hoy' },
    ]);
    expect(wordsOf('pargo,corvina;2 libras')).toEqual(['pargo', 'corvina', '2', 'libras'].map((w) => ({ text: w, key: w })));
  });
});

describe('isTypoOf', () => {
  it.each([
    ['pedidio', 'pedido'],
    ['pedio', 'pedido'],
    ['pedjdo', 'pedido'],
    ['precoi', 'precio'],
    ['cuseta', 'cuesta'],
    ['camaorn', 'camaron'],
    ['langostno', 'langostino'],
  ])('forgives "%s" for "%s"', (typed, known) => {
    expect(isTypoOf(typed, known)).toBe(true);
  });

  it.each([
    ['pedidos', 'pedido', true],
    ['vende', 'verde', false],
    ['hay', 'ya', false],
    ['pdiido', 'pedido', false],
    ['precioso', 'precio', false],
    ['camarones', 'camaron', false],
  ])('"%s" for "%s": %s (one slip only, and only on words of six letters or more)', (typed, known, expected) => {
    expect(isTypoOf(typed, known)).toBe(expected);
  });
});
