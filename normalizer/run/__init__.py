"""The one corpus runner (learning passes, then the pass that cleans) and ``clean`` as a library
function: options, writing, the manifest, progress."""
