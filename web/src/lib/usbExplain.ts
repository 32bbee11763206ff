/**
 * Plain-language explanations for why a USB optical drive cannot be used from this page (WebUSB), instead of
 * a raw DOMException. Facts (measured in Chromium 156, see shared/webusb-lab/README.md):
 * - Chrome refuses to claim mass-storage interfaces (class 08h, every USB CD/DVD/BD drive): `claimInterface`
 *   rejects with SecurityError "…implements a protected class". No page or flag lifts this.
 * - When the operating system's driver (usb-storage/uas on Linux, the cdrom driver on Windows) holds the
 *   interface, `claimInterface`/`open` reject with NetworkError "Unable to claim interface".
 * - `requestDevice` rejects with NotFoundError when the user closes the chooser without picking a device.
 */

export type UsbProblemKind = 'protected-class' | 'os-driver' | 'cancelled' | 'unsupported' | 'insecure' | 'disconnected' | 'other';

export interface UsbExplanation {
  kind: UsbProblemKind;
  /** One-line headline. */
  title: string;
  /** Why it happened, in plain words. */
  why: string;
  /** What works instead, as short list items. */
  alternatives: string[];
  /** The browser's own words, for a bug report (never shown as the headline). */
  technical: string;
}

const HELPER = 'Use the Kiln helper on this computer: it reaches the drive through the operating system. Today `kiln burn` burns your files from the command line; the helper\'s local service for this page (`kiln serve`) is not released yet.';
const APP = 'Use Kiln as an installed app with unrestricted USB access (an Isolated Web App granted “usb-unrestricted”, or the Electron build).';
const UNBIND_LINUX = 'On Linux, let Kiln have the drive by unbinding the usb-storage/uas driver from it (a udev rule); on Windows, bind WinUSB to the drive.';
const VIRTUAL = 'Or burn to the Virtual drive in this browser and download the CUE/BIN image to burn later.';

/** Classifies an exception from navigator.usb (requestDevice/open/claimInterface) into an explanation. */
export function explainUsbError(err: unknown): UsbExplanation {
  const name = typeof err === 'object' && err !== null && 'name' in err ? String((err as { name: unknown }).name) : '';
  const message = typeof err === 'object' && err !== null && 'message' in err ? String((err as { message: unknown }).message) : String(err);
  const technical = name ? `${name}: ${message}` : message;
  if (name === 'SecurityError' && /protected class/i.test(message)) {
    return {
      kind: 'protected-class', technical,
      title: 'This browser does not let web pages use CD/DVD drives over USB',
      why: 'USB optical drives are USB mass-storage devices (class 08h). Chrome blocks web pages from claiming mass-storage interfaces so that a page cannot read your disks behind the operating system’s back. This is a deliberate browser rule, not a fault of your drive.',
      alternatives: [HELPER, APP, VIRTUAL],
    };
  }
  if (name === 'NetworkError' || /unable to claim interface/i.test(message)) {
    return {
      kind: 'os-driver', technical,
      title: 'The operating system is using this drive',
      why: 'The drive is held by the operating system’s own driver (usb-storage or uas on Linux, the CD-ROM driver on Windows), so the browser cannot take it over.',
      alternatives: [HELPER, UNBIND_LINUX, VIRTUAL],
    };
  }
  if (name === 'NotFoundError') {
    return {
      kind: 'cancelled', technical,
      title: 'No drive was chosen',
      why: 'The device chooser was closed without picking a drive, or no USB mass-storage device is connected.',
      alternatives: ['Connect the drive and choose it in the browser’s list.', VIRTUAL],
    };
  }
  if (name === 'NotAllowedError' && /secure|https/i.test(message)) {
    return { kind: 'insecure', technical, title: 'USB needs a secure page', why: 'WebUSB works only on https:// pages or on localhost.', alternatives: [HELPER, VIRTUAL] };
  }
  if (name === 'NotFoundError' || /disconnected|device.*(gone|lost)/i.test(message)) {
    return { kind: 'disconnected', technical, title: 'The drive was disconnected', why: 'The USB drive went away during the operation.', alternatives: ['Reconnect the drive and try again.'] };
  }
  return {
    kind: 'other', technical,
    title: 'The USB drive could not be opened',
    why: 'The browser refused to open the drive for a reason it did not explain.',
    alternatives: [HELPER, VIRTUAL],
  };
}

/** Explanation for a browser without navigator.usb at all (Firefox, Safari, or a non-secure page). */
export function explainNoWebUsb(isSecureContext: boolean): UsbExplanation {
  if (!isSecureContext) return explainUsbError({ name: 'NotAllowedError', message: 'WebUSB requires a secure context (https or localhost)' });
  return {
    kind: 'unsupported', technical: 'navigator.usb is undefined',
    title: 'This browser has no WebUSB',
    why: 'Only Chromium-based browsers (Chrome, Edge, Opera) implement WebUSB; Firefox and Safari do not.',
    alternatives: [HELPER, VIRTUAL],
  };
}
