// A small Apollo project as real ones look (official plugin layout, a hand-edited deploy.json),
// in memory for core's tests. Its quirks are on purpose: a comment and a trailing comma in
// deploy.json, a duplicate "type", spaces in a mods list, a mod.json with "Game" and a
// netgame_mod_name copied from another mod, module_names written as a string.
export const ACME_DEPLOY = `{
  // edited by hand after MCStudio's export
  "common": {
    "master": { "app_type": "master", "app_version": "1.24.0.release20220601", "mods": "acmeLoginMaster" },
    "redis": { "host": "127.0.0.1", "port": 6379 }
  },
  "proxy": [
    { "app_type": "proxy", "app_version": "1.24.0.release20220601", "mods": "", "num": 2, "type": "proxy" }
  ],
  "lobby": [
    { "app_type": "lobby", "mods": "acmeLogin,acmeShop", "num": 1, "type": "lobby" }
  ],
  "game": [
    { "app_type": "game", "mods": "acmeLogin, acmeBattle", "num": 2, "type": "battle" },
  ],
  "servicelist": [
    { "app_type": "service", "mods": "acmeShopService", "module_names": ["acmeShop"], "num": 1, "type": "service", "type": "shop_service" }
  ]
}
`;

const modMain = (ns: string, kind: 'Server' | 'Master' | 'Service'): string =>
  `# -*- coding: utf-8 -*-\nfrom common.mod import Mod\n\n@Mod.Binding(name="${ns}", version="1.0.0")\nclass Main(object):\n    @Mod.Init${kind}()\n    def init(self):\n        print "${ns} up"\n`;

export function acmeFiles(): Record<string, string> {
  return {
    'deploy.json': ACME_DEPLOY,
    'acmeLoginMaster/developer_mods/acmeLoginMasterDev/mod.json': '{ "netgame_mod_name": "acmeLoginMaster", "support_server_type": ["Master"] }',
    'acmeLoginMaster/developer_mods/acmeLoginMasterDev/acmeLoginMasterScript/__init__.py': '',
    'acmeLoginMaster/developer_mods/acmeLoginMasterDev/acmeLoginMasterScript/modMain.py': modMain('acmeLoginMaster', 'Master'),
    'acmeLogin/developer_mods/acmeLoginDev/mod.json': `{
  "_comment": "name of the mod",
  "netgame_mod_name": "acmeLogin",
  "_comment": "where it runs",
  "support_server_type": ["lobby", "game"],
  "welcome_text": "hi",
  "welcome_text": "hello"
}`,
    'acmeLogin/developer_mods/acmeLoginDev/acmeLoginScript/__init__.py': '',
    'acmeLogin/developer_mods/acmeLoginDev/acmeLoginScript/modMain.py': modMain('acmeLogin', 'Server'),
    'acmeLogin/behavior_packs/acmeLoginBehavior/manifest.json': '{}',
    'acmeLogin/behavior_packs/acmeLoginBehavior/acmeLoginClientScript/modMain.py': '# client side\n',
    'acmeShop/developer_mods/acmeShopDev/mod.json': '{ "netgame_mod_name": "acmeShop", "support_server_type": ["lobby"] }',
    'acmeShop/developer_mods/acmeShopDev/acmeShopScript/modMain.py': modMain('acmeShop', 'Server'),
    'acmeBattle/developer_mods/acmeBattleDev/mod.json': '{ "netgame_mod_name": "acmeLogin", "support_server_type": ["Game"] }',
    'acmeBattle/developer_mods/acmeBattleDev/acmeBattleScript/modMain.py': modMain('acmeBattle', 'Server'),
    'acmeShopService/developer_mods/acmeShopServiceDev/mod.json': '{ "netgame_mod_name": "acmeShopService", "support_server_type": ["service"], "module_names": "acmeShop, acmeShopAdmin" }',
    'acmeShopService/developer_mods/acmeShopServiceDev/acmeShopServiceScript/modMain.py': modMain('acmeShopService', 'Service'),
  };
}
