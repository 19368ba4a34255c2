// Turns the menu template into a native Menu whose items run commands.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuItemSpec } from './menu-template';

export function buildNativeMenu(spec: MenuItemSpec[], run: (command: MenuCommand) => void): Menu {
  const convert = (item: MenuItemSpec): MenuItemConstructorOptions => {
    const out: MenuItemConstructorOptions = {};
    if (item.type) out.type = item.type;
    if (item.label) out.label = item.label;
    if (item.role) out.role = item.role;
    if (item.accelerator) out.accelerator = item.accelerator;
    if (item.enabled !== undefined) out.enabled = item.enabled;
    if (item.submenu) out.submenu = item.submenu.map(convert);
    const command = item.command;
    if (command) out.click = () => run(command);
    return out;
  };
  return Menu.buildFromTemplate(spec.map(convert));
}
