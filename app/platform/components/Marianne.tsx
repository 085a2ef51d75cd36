/** The "République Française" text of the Marianne block, shared by header and footer. */
export const republiqueFrancaise = (
  <>
    République
    <br />
    Française
  </>
);
