//! WebAssembly entry point. It only hydrates: everything the page shows is defined in `app`.
// Leptos view types nest deeply; the default limit is too low for whole pages.
#![recursion_limit = "256"]

/// Called by the generated JS loader once the wasm module is ready; attaches the
/// reactive app to the HTML the server already rendered.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // `hydrate_lazy`, not `hydrate_body`: when the first page is a lazy route, its wasm
    // chunk must be fetched before that page can hydrate.
    leptos::mount::hydrate_lazy(app::App);
}
