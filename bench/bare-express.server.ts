// The baseline the benchmark's ratios are taken against: Express 5 answering JSON with no
// middleware but the JSON body parser, no database and no logging. Run as its own process (like
// the backend), it prints `{"url": …}` and exits when its stdin closes.
import express from 'express';

const app = express();
app.disable('x-powered-by');
app.get('/json', (_req, res) => {
  res.json({ items: [{ slug: 'bench-item', name: 'Bench Item', price: 49900, currency: 'INR' }] });
});
app.post('/json', express.json(), (req, res) => {
  res.status(201).json({ received: req.body as unknown });
});
const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
