import { describe, expect, it } from 'vitest';
import { HOURS, minuteChoices } from './time-choices';

describe('the 24-hour time field’s choices', () => {
  it('offers the hours 00 to 23, never AM or PM', () => {
    expect(HOURS).toHaveLength(24);
    expect([HOURS[0], HOURS[7], HOURS[20], HOURS[23]]).toEqual(['00', '07', '20', '23']);
  });

  it('offers minutes in steps of five', () => {
    expect(minuteChoices('30')).toEqual(['00', '05', '10', '15', '20', '25', '30', '35', '40', '45', '50', '55']);
  });

  it('keeps a minute between the steps that was set elsewhere, in order', () => {
    expect(minuteChoices('08')).toEqual(['00', '05', '08', '10', '15', '20', '25', '30', '35', '40', '45', '50', '55']);
  });
});
