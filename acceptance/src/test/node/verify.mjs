// Verifies one Gatehouse access token the way a Node.js API does, with jose and nothing else:
// the key set fetched from the JWKS URI, then signature, issuer, audience, expiry and typ.
// Usage: node verify.mjs <jwks-uri> <issuer> <audience> <typ> <token>
// Prints {"sub","alg","typ"} and exits 0 when the token verifies; prints jose's error code and exits 1 otherwise.
import { createRemoteJWKSet, jwtVerify } from 'jose';

const [jwksUri, issuer, audience, typ, token] = process.argv.slice(2);
try {
  const keys = createRemoteJWKSet(new URL(jwksUri));
  const { payload, protectedHeader } = await jwtVerify(token, keys, { issuer, audience, typ });
  console.log(JSON.stringify({ sub: payload.sub, alg: protectedHeader.alg, typ: protectedHeader.typ }));
} catch (error) {
  console.log(JSON.stringify({ error: error.code ?? error.name, message: error.message }));
  process.exit(1);
}
