import { namesSearch, recognizeFollowUp, recognizeQuestion, type OfflineIntent } from './offline-intent';
import { PIER_WORDS } from './offline-vocabulary';

const read = (message: string) => {
  const { intent, search } = recognizeQuestion(message);
  return [intent, search];
};

describe('recognizeQuestion', () => {
  it.each([
    ['¿hay camarón hoy?', 'camarón'],
    ['hay camaron hoy', 'camaron'],
    ['HAY CAMARÓN???', 'camarón'],
    ['¿Tienen pargo fresco?', 'pargo'],
    ['¿venden langosta?', 'langosta'],
    ['quiero atún', 'atún'],
    ['buenas veci, ¿tiene corvina de roca para hoy?', 'corvina roca'],
    ['¿hay camarones frescos hoy día?', 'camarones'],
    ['necesito 2 libras de pulpo', 'pulpo'],
    ['ay conchas?', 'conchas'],
    ['is there any shrimp today?', 'camarón'],
    ['do you have tuna', 'atún'],
  ])('"%s" asks whether there is %s', (message, search) => {
    expect(read(message)).toEqual(['availability', search]);
  });

  it.each([
    ['¿cuánto cuesta el camarón?', 'camarón'],
    ['cuanto cuesta el kilo de camaron', 'camaron'],
    ['precio del dorado', 'dorado'],
    ['a cómo está la corvina', 'corvina'],
    ['¿A como el pargo rojo?', 'pargo rojo'],
    ['¿en cuánto me deja la libra de langostino?', 'langostino'],
    ['cuanto custa el pulpo', 'pulpo'],
    ['precoi de la albacora', 'albacora'],
    ['how much is the lobster?', 'langosta'],
  ])('"%s" asks the price of %s', (message, search) => {
    expect(read(message)).toEqual(['price', search]);
  });

  it.each([
    ['¿dónde está mi pedido MNT-2026-000123?', 'MNT-2026-000123'],
    ['estado del pedido mnt-2026-000045', 'MNT-2026-000045'],
    ['MNT 2026 000007', 'MNT-2026-000007'],
    ['where is my order MNT-2026-000123', 'MNT-2026-000123'],
    ['¿cuánto costó MNT-2026-000123?', 'MNT-2026-000123'],
  ])('"%s" asks about the order %s', (message, number) => {
    expect(recognizeQuestion(message)).toMatchObject({ intent: 'order', orderNumber: number });
  });

  it.each(['¿dónde está mi pedido?', 'estado de mi pedido', 'mis pedidos', 'Mis compras', 'mi pedidio', 'where is my order?'])(
    '"%s" asks about their orders, without a number',
    (message) => {
      expect(recognizeQuestion(message)).toMatchObject({ intent: 'order', orderNumber: null, search: null });
    },
  );

  it.each(['¿qué está bajo de stock?', 'qué me falta', 'poco inventario', '¿qué se me está acabando?', 'low stock', 'inventraio bajo'])(
    '"%s" asks what is low on stock',
    (message) => {
      expect(recognizeQuestion(message).intent).toBe('lowStock');
    },
  );

  it.each([
    ['hola', 'greeting'],
    ['Buenas tardes', 'greeting'],
    ['ayuda', 'greeting'],
    ['gracias!', 'greeting'],
    ['', 'unknown'],
    ['¿?', 'unknown'],
    ['ok', 'unknown'],
  ] as [string, OfflineIntent][])('"%s" is %s', (message, intent) => {
    expect(recognizeQuestion(message)).toMatchObject({ intent, search: null });
  });

  it('takes a product named alone for "is there any?", and says it guessed', () => {
    expect(recognizeQuestion('¿y la corvina?')).toMatchObject({ intent: 'availability', search: 'corvina', guessed: true });
    expect(recognizeQuestion('¿hay corvina?').guessed).toBe(false);
  });

  it('keeps what was written for the reply, and searches the catalog with its own names', () => {
    expect(recognizeQuestion('¿Hay Camarón Jumbo?')).toMatchObject({ subject: 'camarón jumbo', search: 'camarón jumbo' });
    expect(recognizeQuestion('any shrimp?')).toMatchObject({ subject: 'camarón', search: 'camarón' });
  });

  it('searches for any of the products set apart with "o" or "y", each of several words', () => {
    expect(recognizeQuestion('¿hay pargo o corvina de roca?')).toMatchObject({ subject: 'pargo o corvina roca', search: 'pargo or corvina roca' });
    expect(recognizeQuestion('precio de camarón y langostino')).toMatchObject({ intent: 'price', search: 'camarón or langostino' });
    expect(recognizeQuestion('do you have shrimp or lobster')).toMatchObject({ subject: 'camarón o langosta', search: 'camarón or langosta' });
    expect(recognizeQuestion('¿y la corvina?')).toMatchObject({ subject: 'corvina', search: 'corvina' });
  });

  it('searches "pescado" and "mariscos" asked alone as their species, and drops them next to other words', () => {
    expect(recognizeQuestion('¿hay pescado hoy?')).toMatchObject({
      subject: 'pescado',
      search: expect.stringMatching(/^atún or dorado or .*corvina/),
    });
    expect(recognizeQuestion('¿tienen mariscos?').search).toMatch(/camarón or langostino or langosta/);
    expect(recognizeQuestion('¿hay filete de pescado?')).toMatchObject({ subject: 'filete', search: 'filete' });
  });

  it('offers a species one slip away as a second search', () => {
    expect(recognizeQuestion('hay camaorn?')).toMatchObject({ search: 'camaorn', correctedSearch: 'camarón' });
    expect(recognizeQuestion('¿hay langostno y corvina?')).toMatchObject({
      search: 'langostno or corvina',
      correctedSearch: 'langostino or corvina',
    });
    expect(recognizeQuestion('¿hay camarón?').correctedSearch).toBeNull();
  });

  it('reads a top price in dollars, with cents, a dollar sign or a comma', () => {
    expect(recognizeQuestion('¿hay camarón a menos de 5 dólares?')).toMatchObject({ intent: 'availability', search: 'camarón', maxPriceCents: 500 });
    expect(recognizeQuestion('corvina hasta $4.50').maxPriceCents).toBe(450);
    expect(recognizeQuestion('pargo máximo 3,75').maxPriceCents).toBe(375);
    expect(recognizeQuestion('¿hay pargo?').maxPriceCents).toBeNull();
    expect(recognizeQuestion('¿hay camarón hasta 5 libras?').maxPriceCents).toBeNull();
  });

  it('never takes a pier species for a question word, even one slip from one', () => {
    for (const word of PIER_WORDS) {
      expect(recognizeQuestion(`¿hay ${word} hoy?`)).toMatchObject({ intent: 'availability', search: word });
      expect(recognizeQuestion(word)).toMatchObject({ intent: 'availability', search: word, guessed: true });
    }
    for (const word of ['langosta verde', 'camarón pomada', 'atún entero', 'lomo de picudo', 'concha negra', 'cangrejo rojo']) {
      expect(recognizeQuestion(`precio ${word}`).search).toBe(word.replace(' de ', ' '));
    }
  });
});

describe('namesSearch', () => {
  it('tells whether a product names every word of one alternative, by its first five letters, accents aside', () => {
    expect(namesSearch('Camarón blanco jumbo', 'camarones')).toBe(true);
    expect(namesSearch('Mix para ceviche Camarón, pescado, calamar y concha picados.', 'camaron')).toBe(true);
    expect(namesSearch('Pargo rojo', 'pargo or corvina roca')).toBe(true);
    expect(namesSearch('Corvina de roca', 'pargo or corvina roca')).toBe(true);
    expect(namesSearch('Filete de corvina', 'pargo or corvina roca')).toBe(false);
    expect(namesSearch('Camarón 4', 'camarón titi')).toBe(false);
  });
});

describe('recognizeFollowUp', () => {
  const history = (...questions: string[]) =>
    questions.flatMap((content) => [
      { role: 'user' as const, content },
      { role: 'assistant' as const, content: '(Modo sin conexión) Sí, hoy hay pargo rojo: …' },
    ]);

  it('"¿y el precio?" is the price of the product asked for last', () => {
    expect(recognizeFollowUp('¿y el precio?', history('¿hay camarón?', '¿tienen pargo?'))).toMatchObject({ intent: 'price', search: 'pargo' });
  });

  it('"¿y la corvina?" asks for the corvina what was asked last', () => {
    expect(recognizeFollowUp('¿y la corvina?', history('¿cuánto cuesta el pargo?'))).toMatchObject({ intent: 'price', search: 'corvina' });
    expect(recognizeFollowUp('¿y la corvina?', history('¿hay pargo?'))).toMatchObject({ intent: 'availability', search: 'corvina' });
  });

  it('leaves a question that names its product, or with nothing before it, as it is', () => {
    expect(recognizeFollowUp('precio del dorado', history('¿hay pargo?'))).toMatchObject({ intent: 'price', search: 'dorado' });
    expect(recognizeFollowUp('¿y el precio?', [])).toMatchObject({ intent: 'price', search: null });
    expect(recognizeFollowUp('mis pedidos', history('¿hay pargo?'))).toMatchObject({ intent: 'order', search: null });
  });
});
