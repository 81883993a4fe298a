// placeholder: the VS Code client (issue 4)
export function activate(): void {}
export function deactivate(): void {}
