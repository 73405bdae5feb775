//! Argon2id password hashing and verification, and random secrets. Hashing is CPU- and
//! memory-heavy by design, so both run on the hasher threads (`hashers.rs`), never on a
//! request's worker thread.

use crate::staff::hashers::{self, Lane};
use argon2::password_hash::{Output, ParamsString, PasswordHash, Salt, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::cell::RefCell;
use std::sync::OnceLock;

/// Hashes `password` into a PHC string (`$argon2id$v=19$...`) with a fresh salt.
pub(crate) async fn hash(password: String) -> anyhow::Result<String> {
    hashers::run(Lane::Shared, move || hash_now(&password)).await?
}

/// Hashes `password` with the default parameters, in this thread's working memory.
fn hash_now(password: &str) -> anyhow::Result<String> {
    let failed =
        |error: argon2::password_hash::Error| anyhow::anyhow!("hashing a password: {error}");
    let salt = SaltString::encode_b64(&random_bytes::<16>()?).map_err(failed)?;
    let argon2 = Argon2::default();
    let mut output = [0u8; Params::DEFAULT_OUTPUT_LEN];
    hash_in_memory(&argon2, password, salt.as_salt(), &mut output).map_err(failed)?;
    let hash = PasswordHash {
        algorithm: Algorithm::default().ident(),
        version: Some(Version::default().into()),
        params: ParamsString::try_from(argon2.params()).map_err(failed)?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&output).map_err(failed)?),
    };
    Ok(hash.to_string())
}

/// Whether `password` matches the stored PHC string, checked in `lane`. With no stored
/// hash (unknown user) it verifies against a dummy one, so an unknown name takes as long
/// as a wrong password.
pub(crate) async fn verify(
    password: String,
    stored: Option<String>,
    lane: Lane,
) -> anyhow::Result<bool> {
    hashers::run(lane, move || {
        let known = stored.is_some();
        let stored = match stored {
            Some(stored) => stored,
            None => dummy_hash()?.to_owned(),
        };
        let parsed = PasswordHash::new(&stored)
            .map_err(|error| anyhow::anyhow!("stored password hash is corrupt: {error}"))?;
        Ok(matches(&password, &parsed)? && known)
    })
    .await?
}

thread_local! {
    /// The Argon2 working memory of this hasher thread (~19 MiB), reused by every hash
    /// and check it runs instead of allocated and freed each time: the allocator kept
    /// what was freed, so a thread that had both hashed and checked held two areas.
    static MEMORY: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// Recomputes `stored`'s hash of `password` (with `stored`'s algorithm, version,
/// parameters and salt) and compares the two in constant time.
fn matches(password: &str, stored: &PasswordHash<'_>) -> anyhow::Result<bool> {
    let corrupt = |error: argon2::password_hash::Error| {
        anyhow::anyhow!("stored password hash is corrupt: {error}")
    };
    let algorithm = Algorithm::try_from(stored.algorithm).map_err(corrupt)?;
    let version = match stored.version {
        Some(version) => Version::try_from(version).map_err(|error| anyhow::anyhow!("{error}"))?,
        None => Version::default(),
    };
    let params = Params::try_from(stored).map_err(corrupt)?;
    let (Some(salt), Some(expected)) = (stored.salt, stored.hash) else {
        anyhow::bail!("stored password hash has no salt or no hash");
    };
    let mut computed = vec![0u8; expected.len()];
    hash_in_memory(
        &Argon2::new(algorithm, version, params),
        password,
        salt,
        &mut computed,
    )
    .map_err(|error| anyhow::anyhow!("checking a password: {error}"))?;
    // `Output`'s equality is constant-time.
    Ok(Output::new(&computed).map_err(corrupt)? == expected)
}

/// Hashes `password` with `argon2` and `salt` into `output`, in this thread's [`MEMORY`]
/// (grown to what `argon2`'s parameters need), so a hasher thread holds one Argon2 area.
fn hash_in_memory(
    argon2: &Argon2<'_>,
    password: &str,
    salt: Salt<'_>,
    output: &mut [u8],
) -> Result<(), argon2::password_hash::Error> {
    let mut salt_bytes = [0u8; 64];
    let salt = salt.decode_b64(&mut salt_bytes)?;
    MEMORY.with_borrow_mut(|memory| {
        memory.resize(argon2.params().block_count(), Block::default());
        argon2.hash_password_into_with_memory(password.as_bytes(), salt, output, &mut memory[..])
    })?;
    Ok(())
}

fn dummy_hash() -> anyhow::Result<&'static str> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    if let Some(hash) = DUMMY.get() {
        return Ok(hash);
    }
    let hash = hash_now("not anybody's password")?;
    Ok(DUMMY.get_or_init(|| hash))
}

/// `N` bytes from the operating system's secure random source.
pub(crate) fn random_bytes<const N: usize>() -> anyhow::Result<[u8; N]> {
    let mut bytes = [0; N];
    getrandom::fill(&mut bytes)
        .map_err(|error| anyhow::anyhow!("reading random bytes: {error}"))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::password_hash::{PasswordHasher, PasswordVerifier};

    #[tokio::test]
    async fn a_new_hash_is_a_standard_argon2id_string_the_reference_verifier_accepts() {
        let stored = hash("quattro stagioni".into()).await.unwrap();
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        let parsed = PasswordHash::new(&stored).unwrap();
        assert!(
            Argon2::default()
                .verify_password(b"quattro stagioni", &parsed)
                .is_ok()
        );
        assert!(
            Argon2::default()
                .verify_password(b"quattro", &parsed)
                .is_err()
        );
        let again = hash("quattro stagioni".into()).await.unwrap();
        assert_ne!(stored, again, "each hash has a salt of its own");
    }

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let stored = hash("margherita".into()).await.unwrap();
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        assert!(
            verify("margherita".into(), Some(stored.clone()), Lane::Shared)
                .await
                .unwrap()
        );
        assert!(
            !verify("marinara".into(), Some(stored), Lane::Shared)
                .await
                .unwrap()
        );
        assert!(
            !verify("margherita".into(), None, Lane::Shared)
                .await
                .unwrap()
        );
    }

    #[tokio::test]
    async fn a_hash_made_with_other_parameters_verifies_with_its_own() {
        let params = Params::new(8 * 1024, 1, 1, None).unwrap();
        let argon2 = Argon2::new(Algorithm::Argon2i, Version::V0x10, params);
        let salt = SaltString::encode_b64(b"sixteen byte salt").unwrap();
        let stored = argon2.hash_password(b"calzone", &salt).unwrap().to_string();
        assert!(
            stored.starts_with("$argon2i$v=16$m=8192,t=1,p=1$"),
            "{stored}"
        );
        assert!(
            verify("calzone".into(), Some(stored.clone()), Lane::Shared)
                .await
                .unwrap()
        );
        assert!(
            !verify("calzon".into(), Some(stored), Lane::Shared)
                .await
                .unwrap()
        );
    }
}
