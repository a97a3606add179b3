// `npm run admin-token`: prints the development admin token again (the one `npm run dev` shows in
// its banner). A configured ADMIN_TOKEN is never printed: it is yours, and in your .env already.
import path from 'node:path';
import { loadConfigOrExit } from '../config';
import { devAdminTokenPath } from '../dev-admin-token';

const config = loadConfigOrExit();
if (!config.adminTokenGenerated) {
  console.log(
    'ADMIN_TOKEN is set (in .env or the environment), so that is the token; it is not printed.',
  );
} else if (config.env !== 'development') {
  console.log(`NODE_ENV=${config.env}: no development token is kept. Set ADMIN_TOKEN.`);
} else {
  console.log(config.adminToken);
  const file = path.relative(process.cwd(), devAdminTokenPath(config.dataDir));
  console.error(`(kept in ${file}; delete the file for a new one, or set ADMIN_TOKEN in .env)`);
}
