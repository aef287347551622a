import { http } from '../http';
import type { Items } from '../types';
import type { HolidayCalendar, HolidayCalendarImport, HolidayCalendarInput, HolidayCalendarSummary } from './types';

/** The holiday calendar (STF-6): which days are public holidays and which weekend days are worked, per year. */
export function getHolidayCalendarListApi(): Promise<Items<HolidayCalendarSummary>> {
  return http.get<Items<HolidayCalendarSummary>>('/holiday-calendars');
}

/** NotFound when the year has no calendar yet. */
export function getHolidayCalendarApi(year: number): Promise<HolidayCalendar> {
  return http.get<HolidayCalendar>(`/holiday-calendars/${year}`);
}

/** Replaces a year's days (settings:manage): dates in the year, no duplicates, make-up days only on weekends. */
export function saveHolidayCalendarApi(year: number, calendar: HolidayCalendarInput): Promise<HolidayCalendar> {
  return http.put<HolidayCalendar>(`/holiday-calendars/${year}`, calendar);
}

/** Reads a holiday-cn JSON file or a CSV text into the year's calendar and saves it. */
export function importHolidayCalendarApi(year: number, source: HolidayCalendarImport): Promise<HolidayCalendar> {
  return http.post<HolidayCalendar>(`/holiday-calendars/${year}/import`, source);
}
