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
