// A verifier in a process of its own, so its heap holds nothing the test holds: it verifies the
// keys it is sent, forgets the messages, then writes a heap snapshot where the test says.
// node --expose-gc --import tsx verifier-child.mjs <verify package entry>
import { writeHeapSnapshot } from 'node:v8';

const { createVerifier } = await import(process.argv[2]);
const verifier = createVerifier({
  url: process.env.KW_URL,
  credentials: { key: process.env.KW_SERVICE_KEY, token: process.env.KW_SERVICE_TOKEN },
  usageReportMs: 60_000,
});
delete process.env.KW_SERVICE_TOKEN;
await verifier.ready;

process.on('message', (message) => {
  void (async () => {
    if (message.type === 'verify') {
      const codes = [];
      // Until every pair is answered from memory (changes heard meanwhile may take a few rounds).
      for (let round = 0; round < 40; round += 1) {
        let fromMemory = 0;
        for (const pair of message.pairs) {
          const answer = await verifier.verify(pair);
          codes.push(`${answer.code}:${answer.fromMemory}`);
          if (answer.fromMemory) fromMemory += 1;
        }
        if (fromMemory === message.pairs.length) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      message.pairs.length = 0;
      await verifier.reportUsage();
      process.send({ type: 'verified', codes, size: verifier.size });
    } else if (message.type === 'snapshot') {
      for (let i = 0; i < 5; i += 1) {
        globalThis.gc?.();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const file = writeHeapSnapshot(message.path);
      process.send({ type: 'snapshot', file });
    } else if (message.type === 'close') {
      await verifier.close();
      process.exit(0);
    }
  })();
});
process.send({ type: 'ready' });
