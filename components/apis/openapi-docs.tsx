"use client";

import dynamic from "next/dynamic";
import "swagger-ui-react/swagger-ui.css";

// swagger-ui-react (the Swagger project's own React renderer; React 19 in its peer range since 5.28) reads
// window at import: it loads in the browser only.
const SwaggerUI = dynamic(() => import("swagger-ui-react"), {
  ssr: false,
  loading: () => <p className="text-sm">Loading the documentation…</p>,
});

/**
 * The API's OpenAPI document, rendered. "Try it out" is off: calls go through the gateway with a
 * token, which the snippets on the application's page show.
 */
export function OpenapiDocs({ document }: { document: string }) {
  return (
    <div className="min-w-0 overflow-x-auto rounded-lg border bg-white text-black" data-testid="openapi-docs">
      <SwaggerUI spec={document} supportedSubmitMethods={[]} docExpansion="list" defaultModelsExpandDepth={0} />
    </div>
  );
}
