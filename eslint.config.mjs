// One lint configuration for every workspace. The import rules at the bottom are the project's
// architecture, enforced: see docs/architecture.md § "Boundaries".
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('./frontend/src/features', import.meta.url));

/** Where each layer may not import from (eslint-plugin-import-x's no-restricted-paths zones). */
const zones = [
  // Routes map URLs to validation and a controller; controllers parse, call a service, answer.
  {
    target: ['./backend/src/routes', './backend/src/controllers'],
    from: ['./backend/src/models', './backend/src/gateways'],
    message: 'Routes and controllers go through services; models and gateways live behind them.',
  },
  // Services know the gateway interface and the registry, never a vendor's module.
  {
    target: './backend/src/services',
    from: './backend/src/gateways',
    except: ['./gateway.ts', './registry.ts'],
    message:
      'Services never name a vendor: use the PaymentGateway interface (gateways/gateway.ts).',
  },
  // What the workspaces share depends on none of them.
  {
    target: './packages/contracts',
    from: ['./backend', './frontend', './sandbox'],
    message: 'packages/contracts is shared by every workspace and imports none of them.',
  },
  {
    target: './frontend/src',
    from: ['./backend', './sandbox'],
    message:
      'The storefront talks to the backend over HTTP; shared types live in packages/contracts.',
  },
  // bulletproof-react: shared code never reaches up into features or the app shell...
  {
    target: ['./frontend/src/components', './frontend/src/lib', './frontend/src/config'],
    from: ['./frontend/src/features', './frontend/src/app'],
    message: 'Shared frontend code (components, lib, config) must not import features or app/.',
  },
  { target: './frontend/src/features', from: './frontend/src/app' },
  // ...and features never import each other: app/ composes them.
  ...features.map((feature) => ({
    target: `./frontend/src/features/${feature}`,
    from: './frontend/src/features',
    except: [`./${feature}`],
    message: 'Features do not import each other; compose them in frontend/src/app.',
  })),
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // CommonJS on purpose (imported by ESM and CommonJS configs alike): require() is its import.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['frontend/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The delivery engine is shared by every gateway; each gateway module hands it a
    // WebhookFormat (signing, headers, targets) instead of the engine importing the gateway.
    files: ['sandbox/src/webhooks/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/razorpay/**', '**/rupantorpay/**', '**/stripe/**', 'razorpay', 'stripe'],
              message: 'webhooks/ is vendor-neutral: take a WebhookFormat from the gateway module.',
            },
          ],
        },
      ],
    },
  },
  {
    // Browser-side sandbox assets (checkout.js, hosted pages) run in the page, not in Node.
    files: ['sandbox/src/**/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser }, sourceType: 'script' },
  },
  {
    files: [
      'backend/src/**/*.ts',
      'frontend/src/**/*.{ts,tsx}',
      'sandbox/src/**/*.ts',
      'packages/contracts/src/**/*.ts',
    ],
    plugins: { 'import-x': importX },
    settings: {
      // The TypeScript parser and extensions (import-x's own typescript preset), so no-cycle can
      // read the files it follows.
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          noWarnOnMultipleProjects: true,
          project: [
            'backend/tsconfig.json',
            'frontend/tsconfig.json',
            'sandbox/tsconfig.json',
            'packages/contracts/tsconfig.json',
          ],
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones }],
    },
  },
  {
    // The storefront names a vendor only in that checkout kind's module: Stripe.js's loader
    // and types belong to the embedded form (razorpay-modal.ts needs no package).
    files: ['frontend/src/**/*.{ts,tsx}'],
    ignores: ['frontend/src/features/checkout/stripe-element.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@stripe/*'],
              message: 'Only features/checkout/stripe-element.ts may use Stripe.js.',
            },
          ],
        },
      ],
    },
  },
  {
    // A vendor's SDK is used by its gateway module and nowhere else in the backend.
    files: ['backend/src/**/*.ts'],
    ignores: ['backend/src/gateways/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['razorpay', 'stripe'].map((name) => ({
            name,
            message: 'Only backend/src/gateways/ may use a gateway SDK.',
          })),
          patterns: [
            {
              group: ['razorpay/*', 'stripe/*'],
              message: 'Only backend/src/gateways/ may use a gateway SDK.',
            },
          ],
        },
      ],
    },
  },
);
