// Device models for the WebUSB MojoJS fake (shared/webusb-lab/mojo_backend.mjs loads this file as
// /fake-webusb/bot_drive.mjs). A model answers transfers; a descriptor describes the device to Blink.

/** A USB CD/DVD recorder's descriptor: one mass-storage interface (class 08h, SCSI 06h, Bulk-Only 50h). */
export function opticalDriveDescriptor({ productName = 'Kiln Test USB DVD-RW', serialNumber = 'KILN0001' } = {}) {
  return {
    usbVersionMajor: 2, usbVersionMinor: 0, usbVersionSubminor: 0,
    deviceClass: 0, deviceSubclass: 0, deviceProtocol: 0,
    vendorId: 0x1d6b, productId: 0x0104,
    deviceVersionMajor: 1, deviceVersionMinor: 0, deviceVersionSubminor: 0,
    manufacturerName: 'Kiln', productName, serialNumber,
    // Unconfigured, so the page calls selectConfiguration(1): the lab fake only tracks a configuration set that
    // way (with an already-active configuration its claimInterface finds none and fails).
    activeConfigurationValue: 0,
    configurations: [{
      configurationValue: 1,
      interfaces: [{
        interfaceNumber: 0,
        alternates: [{
          alternateSetting: 0, interfaceClass: 0x08, interfaceSubclass: 0x06, interfaceProtocol: 0x50,
          endpoints: [
            { endpointNumber: 1, direction: 'in', type: 'bulk', packetSize: 512 },
            { endpointNumber: 2, direction: 'out', type: 'bulk', packetSize: 512 },
          ],
        }],
      }],
    }],
  };
}

/** A model that stalls every transfer (enough for the claim/explanation tests). */
export class StallingModel {
  async controlTransferIn() { return { status: 'stall', data: new Uint8Array(0) }; }
  async controlTransferOut() { return { status: 'stall' }; }
  async transferIn() { return { status: 'stall', data: new Uint8Array(0) }; }
  async transferOut() { return { status: 'stall' }; }
}

/** Kiln's own virtual drive (the WASM core's vdrive, wasm/ KilnUsbDevice) as the fake's device model: every
 *  transfer Blink's WebUSB sends is answered by the drive's USB Bulk-Only device side. */
export async function createVirtualDriveModel(media = 'cd80') {
  const { default: createKilnModule } = await import('/fake-webusb/kiln.mjs');
  const module = await createKilnModule({ locateFile: (p) => `/fake-webusb/${p}` });
  const device = new module.KilnUsbDevice();
  const unwrap = (r) => { if (!r.ok) throw new Error(`${r.error.name}: ${r.error.message}`); return r.value; };
  unwrap(device.open(media));
  const TYPES = { standard: 0, class: 1, vendor: 2, reserved: 3 };
  const RECIPIENTS = { device: 0, interface: 1, endpoint: 2, other: 3 };
  const bm = (s, dirIn) => (dirIn ? 0x80 : 0) | (TYPES[s.requestType] << 5) | RECIPIENTS[s.recipient];
  const empty = new Uint8Array(0);
  return {
    module, device,
    async transferOut(ep, data) { return { status: unwrap(device.bulkOut(data)).status }; },
    async transferIn(ep, length) { const r = unwrap(device.bulkIn(length)); return { status: r.status, data: r.data ?? empty }; },
    async controlTransferOut(setup, data) {
      return { status: unwrap(device.control(bm(setup, false), setup.request, setup.value, setup.index, data ?? empty, 0)).status };
    },
    async controlTransferIn(setup, length) {
      const r = unwrap(device.control(bm(setup, true), setup.request, setup.value, setup.index, empty, length));
      return { status: r.status, data: r.data ?? empty };
    },
    discState() { return unwrap(device.discState()); },
    readSectors(lba, count) { return unwrap(device.readSectors(lba, count)); },
  };
}
