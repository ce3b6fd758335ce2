import type { NextFunction, Request, Response } from 'express';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

let page: string | undefined;

/** GraphiQL, bundled inline so it works with no network; development only. */
export const graphiqlHandler = (req: Request, res: Response, next: NextFunction) => {
  if (req.accepts(['application/json', 'text/html']) !== 'text/html' || req.query.query) {
    next();
    return;
  }
  page ??= renderGraphiQL({ endpoint: '/graphql', title: 'Keyward GraphiQL' });
  res.type('html').send(page);
};
