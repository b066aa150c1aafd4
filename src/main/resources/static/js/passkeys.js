// Passkeys (WebAuthn) for Chorus: signing in with a passkey and adding one on the account page. It talks to Spring
// Security's WebAuthn endpoints; pages stay usable without it (password sign-in, codes). No inline script: CSP 'self'.
"use strict";
(function () {
  if (!window.PublicKeyCredential || !navigator.credentials) {
    return;
  }

  function decode(text) {
    const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64 + "===".slice((base64.length + 3) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
  }

  function encode(buffer) {
    let binary = "";
    new Uint8Array(buffer).forEach((b) => (binary += String.fromCharCode(b)));
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function csrf(root) {
    const input = root.querySelector("input[name=_csrf]") || document.querySelector("input[name=_csrf]");
    return input ? { "X-CSRF-TOKEN": input.value } : {};
  }

  async function post(url, headers, body) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: Object.assign({ "Content-Type": "application/json" }, headers),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error("HTTP " + response.status);
    }
    return response.json();
  }

  function say(root, key) {
    const status = root.querySelector("[data-passkey-status]");
    if (status) {
      status.textContent = root.dataset[key] || "";
    }
  }

  async function signIn(root) {
    const headers = csrf(root);
    say(root, "waiting");
    try {
      const options = await post("/webauthn/authenticate/options", headers);
      const credential = await navigator.credentials.get({
        publicKey: Object.assign({}, options, {
          challenge: decode(options.challenge),
          allowCredentials: (options.allowCredentials || []).map((c) => Object.assign({}, c, { id: decode(c.id) })),
        }),
      });
      const response = credential.response;
      const result = await post("/login/webauthn", headers, {
        id: credential.id,
        rawId: encode(credential.rawId),
        response: {
          authenticatorData: encode(response.authenticatorData),
          clientDataJSON: encode(response.clientDataJSON),
          signature: encode(response.signature),
          userHandle: response.userHandle ? encode(response.userHandle) : undefined,
        },
        credType: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment,
      });
      if (result && result.authenticated) {
        const target = new URL(result.redirectUrl || "/", window.location.href);
        // only ever a page of this site
        window.location.assign(target.origin === window.location.origin ? target.href : "/");
        return;
      }
      say(root, "failed");
    } catch (e) {
      say(root, "failed");
    }
  }

  async function register(root) {
    const headers = csrf(root);
    const labelInput = root.querySelector("input[name=label]");
    const label = labelInput ? labelInput.value.trim() : "";
    if (!label) {
      say(root, "labelMissing");
      if (labelInput) labelInput.focus();
      return;
    }
    say(root, "waiting");
    try {
      const options = await post("/webauthn/register/options", headers);
      const credential = await navigator.credentials.create({
        publicKey: Object.assign({}, options, {
          user: Object.assign({}, options.user, { id: decode(options.user.id) }),
          challenge: decode(options.challenge),
          excludeCredentials: (options.excludeCredentials || []).map((c) => Object.assign({}, c, { id: decode(c.id) })),
        }),
      });
      const response = credential.response;
      const result = await post("/webauthn/register", headers, {
        publicKey: {
          label: label,
          credential: {
            id: credential.id,
            rawId: encode(credential.rawId),
            response: {
              attestationObject: encode(response.attestationObject),
              clientDataJSON: encode(response.clientDataJSON),
              transports: response.getTransports ? response.getTransports() : [],
            },
            type: credential.type,
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment,
          },
        },
      });
      if (result && result.success) {
        // a new address, so the page loads again and lists the new passkey
        window.location.assign("/account?passkey-added#passkeys-h");
        return;
      }
      say(root, "failed");
    } catch (e) {
      console.log("passkey registration failed: " + e);
      say(root, "failed");
    }
  }

  document.querySelectorAll("[data-passkey-sign-in]").forEach((root) => {
    root.hidden = false;
    root.querySelector("button").addEventListener("click", () => signIn(root));
  });
  document.querySelectorAll("[data-passkey-register]").forEach((root) => {
    root.hidden = false;
    root.querySelector("form").addEventListener("submit", (event) => {
      event.preventDefault();
      register(root);
    });
  });
})();
