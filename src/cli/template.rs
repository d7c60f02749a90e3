//! `stempel template`: list, show, set and remove templates.

use std::io::Write;
use std::process::ExitCode;

use super::{BadInput, TemplateCommand, open_store};
use crate::config::Paths;
use crate::store::StoreError;
use crate::t;
use crate::template::Template;

pub(super) fn run(paths: &Paths, cmd: TemplateCommand) -> anyhow::Result<ExitCode> {
    let mut store = open_store(paths)?;
    let mut out = std::io::stdout().lock();
    match cmd {
        TemplateCommand::List { json } => {
            let all = store.templates()?;
            if json {
                writeln!(out, "{}", serde_json::to_string(&all)?)?;
            } else {
                for t in &all {
                    let origin = if t.shipped {
                        t!("cli-template-shipped")
                    } else {
                        String::new()
                    };
                    writeln!(out, "{}  {}  {}  {origin}", t.name, t.language, t.subject)?;
                }
            }
        }
        TemplateCommand::Show { name, language } => {
            let all = store.templates()?;
            let t = find(&all, &name, &language)?;
            writeln!(out, "{}\n\n{}", t.subject, t.body)?;
        }
        TemplateCommand::Set {
            name,
            language,
            subject,
            body_file,
            fields,
        } => {
            let body = std::fs::read_to_string(&body_file).map_err(|e| {
                let path = body_file.display().to_string();
                BadInput(t!("cli-body-file", path = path, reason = e.to_string()))
            })?;
            let template = Template {
                name,
                language,
                subject,
                body,
                fields,
                shipped: false,
            };
            match store.save_template(&template) {
                Ok(()) => {}
                Err(StoreError::Template(e)) => return Err(BadInput(e.localized()).into()),
                Err(e) => return Err(e.into()),
            }
        }
        TemplateCommand::Remove { name, language } => {
            let all = store.templates()?;
            find(&all, &name, &language)?;
            store.remove_template(&name, &language)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn find<'a>(all: &'a [Template], name: &str, language: &str) -> Result<&'a Template, BadInput> {
    all.iter()
        .find(|t| t.name == name && t.language == language)
        .ok_or_else(|| {
            BadInput(t!(
                "cli-no-template",
                template = name.to_owned(),
                language = language.to_owned()
            ))
        })
}
