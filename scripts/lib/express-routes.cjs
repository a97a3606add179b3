// Every "METHOD /path" an Express 5 app serves, read from its own router stack: the tests that
// check a document or a request collection against the app (backend and sandbox) walk it.
// CommonJS so that both workspaces' Jest suites can require it.

/** A router's '/' is its mount path itself: /api/orders, not /api/orders/. */
function servedRoutes(app) {
  const found = new Set();
  const walk = (stack, prefix) => {
    for (const layer of stack) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          const path = layer.route.path === '/' && prefix ? prefix : prefix + layer.route.path;
          found.add(`${method.toUpperCase()} ${path}`);
        }
      } else if (layer.handle.stack) {
        walk(layer.handle.stack, prefix + mount);
      }
    }
  };
  walk(app.router.stack, '');
  return found;
}

module.exports = { servedRoutes };
