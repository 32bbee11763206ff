/**
 * Choosing and opening a USB optical drive with WebUSB. USB CD/DVD/BD drives are mass-storage devices
 * (interface class 08h, SCSI transparent subclass 06h, Bulk-Only protocol 50h: USB MSC BOT 1.0 §4.3).
 * Chrome refuses to claim such interfaces on ordinary pages; the refusal is turned into an explanation by
 * lib/usbExplain.ts, never shown raw.
 */

/** Minimal WebUSB typings (the DOM lib has none). */
export interface UsbEndpoint { endpointNumber: number; direction: 'in' | 'out'; type: 'bulk' | 'interrupt' | 'isochronous'; packetSize: number }
export interface UsbAlternate { interfaceClass: number; interfaceSubclass: number; interfaceProtocol: number; endpoints: UsbEndpoint[] }
export interface UsbInterface { interfaceNumber: number; alternate: UsbAlternate; alternates: UsbAlternate[]; claimed: boolean }
export interface UsbConfiguration { configurationValue: number; interfaces: UsbInterface[] }
export interface UsbDeviceLike {
  productName?: string; manufacturerName?: string; vendorId: number; productId: number; opened: boolean;
  configuration: UsbConfiguration | null; configurations: UsbConfiguration[];
  open(): Promise<void>; close(): Promise<void>; selectConfiguration(v: number): Promise<void>;
  claimInterface(n: number): Promise<void>; releaseInterface(n: number): Promise<void>;
}
export interface UsbLike {
  requestDevice(o: { filters: { classCode?: number; subclassCode?: number; protocolCode?: number }[] }): Promise<UsbDeviceLike>;
  getDevices(): Promise<UsbDeviceLike[]>;
}

/** Mass-storage class code (USB class codes, 08h). */
export const USB_CLASS_MASS_STORAGE = 0x08;
/** requestDevice filter: any device with a mass-storage interface. */
export const MASS_STORAGE_FILTERS = [{ classCode: USB_CLASS_MASS_STORAGE }];

export function webUsb(): UsbLike | null {
  return (globalThis.navigator as unknown as { usb?: UsbLike })?.usb ?? null;
}

/** The claimed Bulk-Only interface of a drive: interface number and bulk endpoint numbers. */
export interface ClaimedDrive {
  device: UsbDeviceLike;
  label: string;
  interfaceNumber: number;
  bulkIn: number;
  bulkOut: number;
}

export function driveLabel(d: UsbDeviceLike): string {
  const maker = d.manufacturerName?.trim() ?? '', product = d.productName?.trim() ?? '';
  const name = product.startsWith(maker) ? product : `${maker} ${product}`.trim();
  return name || `USB device ${d.vendorId.toString(16).padStart(4, '0')}:${d.productId.toString(16).padStart(4, '0')}`;
}

/** Opens the device and claims its Bulk-Only mass-storage interface. Rejects with the browser's
 *  DOMException (SecurityError for the protected class, NetworkError when the OS holds it). */
export async function claimMassStorage(device: UsbDeviceLike): Promise<ClaimedDrive> {
  if (!device.opened) await device.open();
  if (!device.configuration) await device.selectConfiguration(device.configurations[0]?.configurationValue ?? 1);
  const iface = device.configuration!.interfaces.find((i) =>
    i.alternates.some((a) => a.interfaceClass === USB_CLASS_MASS_STORAGE));
  if (!iface) throw new DOMException('The device has no mass-storage interface.', 'NotFoundError');
  await device.claimInterface(iface.interfaceNumber);
  const alt = iface.alternates.find((a) => a.interfaceClass === USB_CLASS_MASS_STORAGE)!;
  const bulk = (dir: 'in' | 'out') => alt.endpoints.find((e) => e.type === 'bulk' && e.direction === dir)?.endpointNumber;
  const bulkIn = bulk('in'), bulkOut = bulk('out');
  if (bulkIn === undefined || bulkOut === undefined) throw new DOMException('The mass-storage interface has no bulk endpoints.', 'NotSupportedError');
  return { device, label: driveLabel(device), interfaceNumber: iface.interfaceNumber, bulkIn, bulkOut };
}
