// The palette titles that messages quote, so a message names a command as the palette shows it. Here, not
// in the extension's constants, because core's problems and the CLI quote them too; the manifest test
// checks them against package.json.
export const CommandTitles = {
  initialize: 'Truthline: Initialize .alignment/ Folder',
  reanchorFlag: 'Truthline: Re-anchor Truth Flag to Selection',
} as const;
