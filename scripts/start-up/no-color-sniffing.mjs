// What scripts/start-up/plugins.mjs bundles for chalk's supports-color: no colour sniffing (tango sets chalk's level).
export default { stdout: false, stderr: false };
