import type { ComponentType } from 'react';
import type { LazyRouteFunction, RouteObject } from 'react-router';

/**
 * A route's page, downloaded when first opened. A failed download (the network dropped, or a deploy
 * removed the chunk) becomes a page that throws it, so the route's error element shows it in place:
 * react-router renders nothing below a route whose `lazy` rejected, not even its error element.
 */
export function lazyPage(load: () => Promise<ComponentType>): LazyRouteFunction<RouteObject> {
  return async () => {
    try {
      return { Component: await load() };
    } catch (error) {
      return {
        Component: () => {
          throw error;
        },
      };
    }
  };
}
