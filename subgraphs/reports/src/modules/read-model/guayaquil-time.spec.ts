import { addDays, bucketOf, bucketStarts, dayStart, daysCovered, marketDay, nextBucket } from './guayaquil-time';

describe('the market calendar (America/Guayaquil, UTC−5 all year)', () => {
  it('puts 04:59:59.999Z on the day before and 05:00Z on the new day', () => {
    expect(marketDay(new Date('2026-12-02T04:59:59.999Z'))).toBe('2026-12-01');
    expect(marketDay(new Date('2026-12-02T05:00:00.000Z'))).toBe('2026-12-02');
    // the evening in Manta is already tomorrow in UTC
    expect(marketDay(new Date('2026-12-02T03:30:00Z'))).toBe('2026-12-01');
  });

  it('starts a day at 05:00Z, across months and years, and has no daylight saving', () => {
    expect(dayStart('2026-12-01').toISOString()).toBe('2026-12-01T05:00:00.000Z');
    expect(dayStart('2027-01-01').toISOString()).toBe('2027-01-01T05:00:00.000Z');
    expect(dayStart('2026-07-15').toISOString()).toBe('2026-07-15T05:00:00.000Z');
    expect(marketDay(new Date('2027-01-01T04:59:59Z'))).toBe('2026-12-31');
    expect(addDays('2026-12-31')).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('groups days into Monday weeks and calendar months', () => {
    // 2026-12-06 is a Sunday, 2026-12-07 a Monday
    expect(bucketOf('2026-12-06', 'WEEK')).toBe('2026-11-30');
    expect(bucketOf('2026-12-07', 'WEEK')).toBe('2026-12-07');
    expect(bucketOf('2026-12-13', 'WEEK')).toBe('2026-12-07');
    expect(bucketOf('2026-12-31', 'MONTH')).toBe('2026-12-01');
    expect(bucketOf('2026-12-31', 'DAY')).toBe('2026-12-31');
    expect(nextBucket('2026-12-01', 'MONTH')).toBe('2027-01-01');
    expect(nextBucket('2026-12-28', 'WEEK')).toBe('2027-01-04');
  });

  it('covers whole days from the day of `from` to the day of the last instant before `to`', () => {
    // a Guayaquil day exactly: [05:00Z, 05:00Z next day)
    expect(daysCovered(new Date('2026-12-01T05:00:00Z'), new Date('2026-12-02T05:00:00Z'))).toEqual({
      firstDay: '2026-12-01',
      lastDay: '2026-12-01',
    });
    expect(daysCovered(new Date('2026-12-01T04:59:00Z'), new Date('2026-12-02T05:00:01Z'))).toEqual({
      firstDay: '2026-11-30',
      lastDay: '2026-12-02',
    });
  });

  it('lists every bucket, empty ones included', () => {
    expect(bucketStarts('2026-12-30', '2027-01-02', 'DAY')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(bucketStarts('2026-12-06', '2026-12-21', 'WEEK')).toEqual(['2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21']);
    expect(bucketStarts('2026-11-15', '2027-02-01', 'MONTH')).toEqual(['2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01']);
  });
});
