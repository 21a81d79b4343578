// A map keyed by a byte range, looked up without building a string: the ingest loop meets the same
// few thousand hosts and user texts again and again, and decodes each only the first time.

interface Entry<V> {
  bytes: Buffer;
  value: V;
  next: Entry<V> | undefined;
}

export class BytesMap<V> {
  private readonly table = new Map<number, Entry<V>>();
  private size = 0;

  constructor(
    /** ASCII case is folded: "API.OpenAI.com" and "api.openai.com" are one key */
    private readonly fold: boolean,
    /** bounds memory on logs with millions of distinct keys: the map is emptied when full */
    private readonly maxEntries: number,
  ) {}

  get(buf: Buffer, start: number, end: number): V | undefined {
    const len = end - start;
    for (let e = this.table.get(this.hash(buf, start, end)); e !== undefined; e = e.next) {
      if (e.bytes.length === len && this.same(e.bytes, buf, start)) return e.value;
    }
    return undefined;
  }

  set(buf: Buffer, start: number, end: number, value: V): void {
    if (this.size >= this.maxEntries) {
      this.table.clear();
      this.size = 0;
    }
    const h = this.hash(buf, start, end);
    const bytes = Buffer.allocUnsafe(end - start);
    for (let i = 0; i < bytes.length; i++) bytes[i] = this.byte(buf[start + i]);
    this.table.set(h, { bytes, value, next: this.table.get(h) });
    this.size++;
  }

  private byte(c: number): number {
    return this.fold && c >= 65 && c <= 90 ? c | 32 : c;
  }

  /** FNV-1a, as a small integer: a full 32-bit key would be a boxed number per lookup */
  private hash(buf: Buffer, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ this.byte(buf[i]), 0x01000193);
    return h & 0x3fffffff;
  }

  private same(key: Buffer, buf: Buffer, start: number): boolean {
    for (let i = 0; i < key.length; i++) if (key[i] !== this.byte(buf[start + i])) return false;
    return true;
  }
}
