//! The window with 100,000 sent mails, headless (no GPU, no display): CPU time per frame of the
//! Sent list while it scrolls, time from start to the first frame, and resident memory.
//!
//! The store is filled in this process; the measurement runs in a fresh child process (this
//! binary again) so that start-up and memory are those of a real start. A frame is the whole
//! window (`StempelApp::show`) plus tessellation, which is all the CPU work eframe does for a
//! frame before handing triangles to the GPU. Goals (the desktop-app issue): frame ≤ 2 ms,
//! first frame ≤ 300 ms, RSS ≤ 120 MB; printed with their ratio to the goal.
//!
//!     cargo bench --bench window

use std::path::Path;
use std::time::Instant;

use eframe::egui;
use stempel::app::{Services, StempelApp};
use stempel::config::{Paths, Settings};
use stempel::model::{Account, Mailbox};
use stempel::store::Store;

const MAILS: u32 = 100_000;
const FRAMES: u32 = 600;
const CHILD: &str = "STEMPEL_WINDOW_BENCH_DIR";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if let Ok(dir) = std::env::var(CHILD) {
        return measure(Path::new(&dir));
    }
    let dir = tempfile::tempdir()?;
    let paths = Paths::resolve(Some(dir.path()))?;
    let mut store = Store::open(&paths.database())?;
    let mut account = Account::new(
        "firma",
        Mailbox {
            name: Some("Firma Nowak".into()),
            address: "faktury@firma.pl".into(),
        },
        "smtp.firma.pl",
    );
    account.smtp.user = "faktury@firma.pl".into();
    store.add_account(&account)?;
    let t = Instant::now();
    store.seed_sent("firma", MAILS, jiff::Timestamp::now())?;
    drop(store);
    println!(
        "filled a store with {MAILS} sent mails in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let status = std::process::Command::new(std::env::current_exe()?)
        .env(CHILD, dir.path())
        .status()?;
    if !status.success() {
        return Err("the measuring process failed".into());
    }
    Ok(())
}

/// CPU time of this thread so far, in nanoseconds (Linux: the first field of schedstat).
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn input(events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        events,
        ..egui::RawInput::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut StempelApp, events: Vec<egui::Event>) {
    let out = ctx.run_ui(input(events), |ui| app.show(ui));
    let primitives = ctx.tessellate(out.shapes, out.pixels_per_point);
    std::hint::black_box(primitives);
}

fn measure(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let start = Instant::now();
    let paths = Paths::resolve(Some(dir))?;
    let store = Store::open(&paths.database())?;
    let ctx = egui::Context::default();
    let services = Services {
        store,
        sender: None,
        scanner: None,
        stamper: None,
        sandbox: None,
        settings: Settings::default(),
        paths,
        proof_folder: None,
        native_dialogs: false,
    };
    let mut app = StempelApp::new(&ctx, services);
    app.open_screen("sent");
    frame(&ctx, &mut app, Vec::new());
    let first_ms = start.elapsed().as_secs_f64() * 1000.0;

    // Settle the layout, then scroll through the list: every frame moves it by 120 points, so
    // rows not read yet keep coming into view.
    let over_list = egui::Event::PointerMoved(egui::pos2(700.0, 200.0));
    for _ in 0..5 {
        frame(&ctx, &mut app, vec![over_list.clone()]);
    }
    let cpu0 = thread_cpu_ns();
    let wall = Instant::now();
    for i in 0..FRAMES {
        let down = if (i / 200) % 2 == 0 { -120.0 } else { 120.0 };
        frame(
            &ctx,
            &mut app,
            vec![
                over_list.clone(),
                egui::Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta: egui::vec2(0.0, down),
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Wheel,
                    modifiers: egui::Modifiers::NONE,
                },
            ],
        );
    }
    let cpu_ms = (thread_cpu_ns() - cpu0) as f64 / 1e6 / f64::from(FRAMES);
    let wall_ms = wall.elapsed().as_secs_f64() * 1000.0 / f64::from(FRAMES);
    let rss = rss_mb();
    println!("Sent list with {MAILS} mails, {FRAMES} scrolling frames, 1280×800, headless:");
    println!(
        "  frame CPU      {cpu_ms:7.3} ms   ({:.2}× the 2 ms goal; wall {wall_ms:.3} ms)",
        cpu_ms / 2.0
    );
    println!(
        "  first frame    {first_ms:7.1} ms   ({:.2}× the 300 ms goal)",
        first_ms / 300.0
    );
    println!(
        "  RSS            {rss:7.1} MB   ({:.2}× the 120 MB goal)",
        rss / 120.0
    );
    Ok(())
}
