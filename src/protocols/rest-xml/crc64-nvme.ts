/**
 * CRC-64/NVME (reflected polynomial 0x9a6c9329ac4bc9b5, init and final xor all ones), S3's `CRC64NVME` checksum.
 * No installed library provides it (the SDK's lives in an optional CRT package), so it is computed here over 32-bit
 * halves: a BigInt per byte would be far too slow for 16 MiB bodies.
 */
const POLY = 0x9a6c9329ac4bc9b5n;
const TABLE_HI = new Uint32Array(256);
const TABLE_LO = new Uint32Array(256);
for (let i = 0; i < 256; i++) {
  let crc = BigInt(i);
  for (let bit = 0; bit < 8; bit++) crc = (crc & 1n) === 1n ? (crc >> 1n) ^ POLY : crc >> 1n;
  TABLE_HI[i] = Number(crc >> 32n);
  TABLE_LO[i] = Number(crc & 0xffffffffn);
}

/** The 8-byte big-endian CRC-64/NVME of `data`. */
export function crc64Nvme(data: Uint8Array): Buffer {
  let hi = 0xffffffff;
  let lo = 0xffffffff;
  for (let i = 0; i < data.length; i++) {
    const index = (lo ^ (data[i] as number)) & 0xff;
    lo = ((lo >>> 8) | ((hi & 0xff) << 24)) ^ (TABLE_LO[index] as number);
    hi = (hi >>> 8) ^ (TABLE_HI[index] as number);
  }
  const out = Buffer.alloc(8);
  out.writeUInt32BE(~hi >>> 0, 0);
  out.writeUInt32BE(~lo >>> 0, 4);
  return out;
}
