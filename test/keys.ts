/** Fixed keys for the test databases, which are built once and cloned, so every worker must decrypt alike. Never used outside tests. */
export const testPiiKeys = {
  piiKey: Buffer.from('00112233445566778899aabbccddeeff', 'hex'),
  piiIndexKey: Buffer.from('ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100', 'hex'),
}
