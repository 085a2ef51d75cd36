export const importStatusLabels = {
  validating: ["Vérification en cours", "info"],
  invalid: ["Refusé : lignes en erreur", "error"],
  importing: ["Enregistrement en cours", "new"],
  done: ["Importé", "success"],
  failed: ["Interrompu, rien importé", "warning"],
} as const;
