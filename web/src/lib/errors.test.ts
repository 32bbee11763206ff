import { describe, expect, it } from 'vitest';
import { formatKilnError, hresultHex, kilnError, toKilnError } from './errors';
import { explainNoWebUsb, explainUsbError } from './usbExplain';

describe('KilnError', () => {
  it('formats like the CLI', () => {
    expect(formatKilnError(kilnError('E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE', 'album is 81:02 long')))
      .toBe('E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE (0xC0AA0509): album is 81:02 long');
    expect(hresultHex(0x80070037)).toBe('0x80070037');
  });
  it('keeps IMAPI errors from the core and wraps everything else as E_FAIL', () => {
    expect(toKilnError({ name: 'E_IMAPI_REQUEST_CANCELLED', hresult: -1062600702, message: 'x' }).hresult).toBe(0xc0aa0002);
    const wrapped = toKilnError(new TypeError('boom'));
    expect(wrapped.name).toBe('E_FAIL');
    expect(wrapped.message).toBe('TypeError: boom');
    expect(toKilnError('odd').message).toBe('odd');
  });
});

describe('explainUsbError', () => {
  it('explains the protected-class refusal without the raw exception as headline', () => {
    const e = explainUsbError(new DOMException("Failed to execute 'claimInterface' on 'USBDevice': The requested interface implements a protected class.", 'SecurityError'));
    expect(e.kind).toBe('protected-class');
    expect(e.title).not.toMatch(/SecurityError|claimInterface/);
    expect(e.alternatives.join(' ')).toMatch(/Kiln helper/);
    expect(e.alternatives.join(' ')).toMatch(/unrestricted USB/);
    expect(e.technical).toMatch(/^SecurityError: /);
  });
  it('explains an interface held by the OS driver and suggests unbinding it', () => {
    const e = explainUsbError(new DOMException('Unable to claim interface.', 'NetworkError'));
    expect(e.kind).toBe('os-driver');
    expect(e.alternatives.join(' ')).toMatch(/usb-storage/);
  });
  it('treats a closed chooser as a cancel', () => {
    expect(explainUsbError(new DOMException('No device selected.', 'NotFoundError')).kind).toBe('cancelled');
  });
  it('explains browsers without WebUSB and insecure pages', () => {
    expect(explainNoWebUsb(true).kind).toBe('unsupported');
    expect(explainNoWebUsb(false).kind).toBe('insecure');
  });
  it('never fails on odd values', () => {
    expect(explainUsbError(undefined).kind).toBe('other');
    expect(explainUsbError(42).technical).toBe('42');
  });
});
