/** The "République Française" text of the Marianne block, shared by header and footer. */
export const republiqueFrancaise = (
  // The Republic's name stays French on the pages read in English or Spanish.
  <span lang="fr">
    République
    <br />
    Française
  </span>
);
