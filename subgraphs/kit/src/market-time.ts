// The market's clock: the pier of Manta keeps Ecuador's mainland time, UTC−5 all year (no daylight saving since 1993).
export const MARKET_TIME_ZONE = 'America/Guayaquil';
