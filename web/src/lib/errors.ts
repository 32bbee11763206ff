/**
 * Errors as the UI shows them. The core throws kiln::Error (an IMAPI HRESULT name + value + detail); the WASM
 * boundary turns it into a plain object with the same fields (`KilnError`), so a burn failure reads the same
 * in the browser as in the CLI: "E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE (0xC0AA0509): …".
 */

/** The IMAPI error value that crosses the worker boundary (structured-clone safe). */
export interface KilnError {
  /** IMAPI/Win32 symbolic name from core/imapi/hresult_list.inc, e.g. "E_IMAPI_REQUEST_CANCELLED". */
  name: string;
  /** The HRESULT as an unsigned 32-bit number, e.g. 0xC0AA0002. */
  hresult: number;
  /** What happened, in words a user can act on. */
  message: string;
}

/** The HRESULTs the web side raises itself (values as in core/imapi/hresult_list.inc). */
export const HR = {
  E_FAIL: 0x80004005,
  E_IMAPI_REQUEST_CANCELLED: 0xc0aa0002,
  HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST: 0x80070037,
  E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE: 0xc0aa0509,
  E_IMAPI_DF2TAO_TRACK_LIMIT_REACHED: 0xc0aa0508,
  E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED: 0xc0aa050d,
  E_IMAPI_DF2TAO_WRITE_IN_PROGRESS: 0xc0aa0500,
  E_IMAPI_DF2TAO_MEDIA_IS_NOT_BLANK: 0xc0aa0506,
} as const;
export type HrName = keyof typeof HR;

/** Builds a KilnError for one of the HRESULTs above. */
export function kilnError(name: HrName, message: string): KilnError {
  return { name, hresult: HR[name], message };
}

/** "0xC0AA0509" */
export function hresultHex(hresult: number): string {
  return '0x' + (hresult >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

/** "E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE (0xC0AA0509): detail" — the same text the CLI prints. */
export function formatKilnError(e: KilnError): string {
  return `${e.name} (${hresultHex(e.hresult)}): ${e.message}`;
}

export function isKilnError(x: unknown): x is KilnError {
  return (
    typeof x === 'object' && x !== null &&
    typeof (x as KilnError).name === 'string' && typeof (x as KilnError).hresult === 'number' &&
    typeof (x as KilnError).message === 'string'
  );
}

/** Anything thrown (KilnError, DOMException, Error, string) as a KilnError; unknown failures become E_FAIL. */
export function toKilnError(x: unknown): KilnError {
  if (isKilnError(x) && /^[ES]_|^HRESULT_/.test(x.name)) return { name: x.name, hresult: x.hresult >>> 0, message: x.message };
  if (x instanceof Error) return kilnError('E_FAIL', `${x.name}: ${x.message}`);
  return kilnError('E_FAIL', String(x));
}
