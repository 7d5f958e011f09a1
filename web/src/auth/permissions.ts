/**
 * Agent Cloud's permission bitfield (`account.permissions`, base64, most significant bit first),
 * read to hide actions the caller cannot take. The server decides; this only avoids dead buttons.
 */
export const BITS = {
  teamAdmin: 39,
  teamMemberAdd: 55,
  teamMemberEdit: 60,
  teamMemberRemove: 65,
  appCreate: 70,
  appEdit: 75,
  appDelete: 80,
  agentCreate: 100,
  agentEdit: 105,
  agentDelete: 110,
  modelCreate: 115,
  modelEdit: 120,
  modelDelete: 125,
  taskCreate: 145,
  taskEdit: 150,
  taskDelete: 155,
  variableCreate: 205,
  variableEdit: 210,
  variableDelete: 215,
} as const;

export type PermissionName = keyof typeof BITS;

export function decodeBits(base64: string | null | undefined): Uint8Array {
  if (!base64) return new Uint8Array(0);
  try {
    const raw = atob(base64);
    const out = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  } catch {
    return new Uint8Array(0);
  }
}

export function hasBit(bytes: Uint8Array, bit: number): boolean {
  const byte = bytes[bit >> 3];
  return byte !== undefined && (byte & (0x80 >> bit % 8)) !== 0;
}

export function can(base64: string | null | undefined, name: PermissionName): boolean {
  return hasBit(decodeBits(base64), BITS[name]);
}
