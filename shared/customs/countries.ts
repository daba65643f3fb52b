import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import ru from 'i18n-iso-countries/langs/ru.json';

countries.registerLocale(en);
countries.registerLocale(ru);

/** Spellings customs exports use that the ISO name lists lack (Russian short forms, old names). */
const extraNames: Record<string, string> = {
  КИТАЙ: 'CN',
  КНР: 'CN',
  РФ: 'RU',
  'РОССИЙСКАЯ ФЕДЕРАЦИЯ': 'RU',
  США: 'US',
  ОАЭ: 'AE',
  UAE: 'AE',
  USA: 'US',
  UK: 'GB',
  'SOUTH KOREA': 'KR',
  'NORTH KOREA': 'KP',
  'ЮЖНАЯ КОРЕЯ': 'KR',
  КОРЕЯ: 'KR',
  'HONG KONG SAR': 'HK',
  TURKEY: 'TR',
  ТУРЦИЯ: 'TR',
  ИРАН: 'IR',
  ВЬЕТНАМ: 'VN',
  ТАЙВАНЬ: 'TW',
};

const cache = new Map<string, string | null>();

/** A country name or code, in English or Russian, as ISO 3166 alpha-2; null when unknown. */
export function countryCode(raw: string): string | null {
  const known = cache.get(raw);
  if (known !== undefined) return known;
  const text = raw.trim().replace(/\s+/g, ' ').toUpperCase();
  if (text === '') return null;
  let code: string | null = extraNames[text] ?? null;
  if (!code && /^[A-Z]{2}$/.test(text) && countries.isValid(text)) code = text;
  if (!code && /^[A-Z]{3}$/.test(text)) code = countries.alpha3ToAlpha2(text) ?? null;
  code ??= countries.getAlpha2Code(text, 'en') ?? countries.getAlpha2Code(text, 'ru') ?? null;
  // Keyed by the raw spelling: files repeat a few spellings of few countries, millions of times.
  if (cache.size < 10_000) cache.set(raw, code);
  return code;
}
