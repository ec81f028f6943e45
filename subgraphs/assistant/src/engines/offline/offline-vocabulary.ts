// The words the offline mode listens for, folded (lower case, no accents): what each kind of question says, the words
// that name no product, the English and generic names the catalog does not know, and the pier's species (for typos).

const set = (words: string) => new Set(words.trim().split(/\s+/));

/** "¿dónde está mi pedido?", "mis compras", "my order". */
export const ORDER_WORDS = set('pedido pedidos orden ordenes encargo encargos compra compras order orders');

/** "¿qué está bajo de stock?", "poco inventario", "¿qué me falta?", "low stock". */
export const LOW_STOCK_WORDS = set('stock inventario inventarios existencias reponer reabastecer restock');
export const LOW_STOCK_PHRASES = [
  'me falta',
  'me faltan',
  'se me acaba',
  'se me acaban',
  'me esta acabando',
  'me estan acabando',
  'se me termina',
  'se me terminan',
  'running low',
];

/** "¿cuánto cuesta el camarón?", "precio del dorado", "a cómo está la corvina", "how much is tuna". */
export const PRICE_WORDS = set('precio precios cuesta cuestan costo costos cuanto cuanta vale valen cobran price prices cost costs');
export const PRICE_PHRASES = ['a como', 'how much'];

/** "¿hay camarón hoy?", "¿tienen pargo fresco?", "¿venden langosta?", "quiero atún", "do you have tuna". */
export const AVAILABILITY_WORDS = set(`
  hay ay tienen tiene tienes tendran tendra venden vende vendes quiero quisiera queria busco buscando necesito comprar
  disponible disponibles queda quedan consigo conseguir there have has sell sells available want looking need`);

/** "hola", "buenas", "ayuda", "¿qué puedes hacer?". */
export const GREETING_WORDS = set('hola ola buenas buenos buen saludos ayuda ayudame help hi hello hey menu opciones gracias thanks');

/**
 * Words that never name a product: articles, prepositions, pronouns, fillers and courtesies, time, freshness, units,
 * amounts and currency, the question words above, and their English kin.
 */
export const STOPWORDS = new Set([
  ...ORDER_WORDS,
  ...LOW_STOCK_WORDS,
  ...PRICE_WORDS,
  ...AVAILABILITY_WORDS,
  ...GREETING_WORDS,
  ...set(`
    el la los las lo un una unos unas de del al a en por para con sin y e o u ni que q k cual cuales como cuando donde
    este esta estan estas estos ese esa eso esos esas es son ser sera hay era mi mis tu tus su sus me te se le les nos
    usted ustedes ud uds vos yo algo algun alguna alguno algunos algunas alli aqui ahi ahora ahorita ya todavia aun
    hoy dia dias manana tarde tardes noche noches semana fresco fresca frescos frescas frescon frescura bien muy mas
    menos tan tanto kilo kilos kg kgs kilogramo kilogramos libra libras lb lbs unidad unidades docena docenas media
    medio cuarto porcion dolar dolares usd plata favor porfa porfis porfavor please plis si no tambien entonces pues
    bueno buena rico rica barato barata baratos caro cara veci vecino vecina mija mijo pana amigo amiga senora senor
    don dona casera casero caserita oye mire mira disculpe perdon ver saber decir dime digame podria puede puedes
    tal estado hecho va viene llega llego deja dejas deje ok okay dale listo chevere
    what whats is are any do does you your the of an for today fresh some i my me please per pound pounds where when
    how much status or and`),
]);

/** English names (and a few local ones) the Spanish catalog would not find, as the catalog names them. */
export const SYNONYMS: Record<string, string> = {
  shrimp: 'camarón',
  shrimps: 'camarón',
  prawn: 'langostino',
  prawns: 'langostino',
  lobster: 'langosta',
  lobsters: 'langosta',
  crab: 'cangrejo',
  crabs: 'cangrejo',
  octopus: 'pulpo',
  squid: 'calamar',
  clam: 'concha',
  clams: 'concha',
  cockles: 'concha',
  mussel: 'mejillón',
  mussels: 'mejillón',
  tuna: 'atún',
  snapper: 'pargo',
  swordfish: 'picudo',
  mahi: 'dorado',
  albacore: 'albacora',
  fillet: 'filete',
  fillets: 'filete',
  pescao: 'pescado',
};

const FISH = 'atún or dorado or picudo or corvina or pargo or albacora or wahoo';
const SEAFOOD = 'camarón or langostino or langosta or cangrejo or pulpo or calamar or concha or mejillón';

/** Words for a whole kind of catch, searched as its species when asked alone ("¿hay pescado hoy?"). */
export const GENERIC_SEARCHES: Record<string, string> = {
  pescado: FISH,
  pescados: FISH,
  pescaditos: FISH,
  pez: FISH,
  peces: FISH,
  fish: FISH,
  marisco: SEAFOOD,
  mariscos: SEAFOOD,
  seafood: SEAFOOD,
};

/** The pier's species and cuts as the catalog spells them: a word one slip from one of these is searched as it. */
export const PIER_WORDS = [
  'camarón',
  'langostino',
  'langosta',
  'cangrejo',
  'pulpo',
  'calamar',
  'concha',
  'mejillón',
  'atún',
  'dorado',
  'picudo',
  'corvina',
  'pargo',
  'albacora',
  'wahoo',
  'filete',
  'ceviche',
];
