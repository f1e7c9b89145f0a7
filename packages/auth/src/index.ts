export * from './tokens.ts';
export * from './passwords.ts';
export * from './totp.ts';
export * from './secret-box.ts';
export * from './audit-chain.ts';
export * from './signing-keys.ts';
