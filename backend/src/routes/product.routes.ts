import { Router, type RequestHandler } from 'express';
import * as controller from '../controllers/product.controller';
import { validate } from '../middleware/validate';
import { productInputSchema, productPatchSchema } from '@checkout-lab/contracts/schemas';
import { productListQuery, productSlugParams } from '../schemas/product.schema';

export function productRoutes(admin: RequestHandler): Router {
  const router = Router();
  router.get('/', validate({ query: productListQuery }), controller.listProducts);
  router.get('/:slug', validate({ params: productSlugParams }), controller.getProduct);
  router.post('/', admin, validate({ body: productInputSchema }), controller.createProduct);
  router.patch(
    '/:slug',
    admin,
    validate({ params: productSlugParams, body: productPatchSchema }),
    controller.updateProduct,
  );
  router.delete(
    '/:slug',
    admin,
    validate({ params: productSlugParams }),
    controller.archiveProduct,
  );
  return router;
}

export function adminProductRoutes(): Router {
  const router = Router();
  router.get('/', validate({ query: productListQuery }), controller.listAllProducts);
  router.get('/:slug', validate({ params: productSlugParams }), controller.getAnyProduct);
  return router;
}
