/** Pieces every module's part of the OpenAPI description shares. */
export const openApiBadRequest = {
  description: "Paramètre invalide : un message en français par paramètre.",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};
