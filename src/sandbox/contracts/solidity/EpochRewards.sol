// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @title EpochRewards — the epoch machinery both sandbox mining lanes share.
/// @notice Design (spec/protocol.md §§10–11, spec/sandbox.md §2):
/// - Clock: `currentEpoch() = (block.timestamp - genesisTimestamp) / epochDuration`; epoch 0
///   starts at genesis. A deployer who wants higher epoch ids sets genesis in the past.
/// - Commit/reveal: the owner (the sandbox operator, usually the coordinator) sets one commit per
///   epoch before or during it, never overwritten; the rule is
///   `commit = keccak256(abi.encodePacked(bytes32 secret))`. Receipts need the commit of their
///   epoch; the secret may be revealed only after the epoch ended and must hash to the commit.
/// - Rewards: the owner funds an epoch in BOTCOIN (pulled with transferFrom) and finalizes it once
///   it ended; finalizing freezes the epoch (no more funding). A claim pays
///   `epochReward × credits / totalCredits`, rounded down.
/// - Bonus epochs (about one in ten in production, details not public): the owner marks an epoch
///   as a bonus epoch by funding a separate bonus reward with `fundBonus`. `claimBonus` then pays
///   `bonusReward × credits / totalCredits` from the same credits, independently of `claim`.
/// - Credits and claim flags are kept per (epoch, account key): the wallet lane keys by miner
///   address, the rig lane by rig id, so both lanes share this accounting.
/// Every error is parameterless so its selector equals production's name-only form.
abstract contract EpochRewards is Ownable, EIP712 {
    using SafeERC20 for IERC20;

    /// Production caps a claim at 64 epochs per transaction.
    uint256 public constant MAX_CLAIM_EPOCHS = 64;

    IERC20 public immutable token;
    uint256 public immutable genesisTimestamp;
    uint256 public immutable epochDuration;
    address public coordinatorSigner;

    mapping(uint64 epochId => bytes32) public epochCommit;
    mapping(uint64 epochId => bytes32) public epochSecret;
    mapping(uint64 epochId => uint256) public epochReward;
    mapping(uint64 epochId => uint256) public bonusReward;
    mapping(uint64 epochId => bool) public epochFinalized;
    mapping(uint64 epochId => uint256) public totalCredits;

    mapping(uint64 epochId => mapping(bytes32 account => uint256)) internal _credits;
    mapping(uint64 epochId => mapping(bytes32 account => bool)) internal _claimed;
    mapping(uint64 epochId => mapping(bytes32 account => bool)) internal _bonusClaimed;

    error WrongEpoch();
    error MissingEpochCommit();
    error ChainMismatch();
    error NotEligible();
    error InvalidSignature();
    error EpochNotEnded();
    error EpochNotFunded();
    error EpochNotFinalized();
    error NoCredits();
    error AlreadyClaimed();
    error TooManyEpochs();
    error NotBonusEpoch();
    error CommitAlreadySet();
    error InvalidCommit();
    error SecretMismatch();
    error AlreadyRevealed();
    error AlreadyFinalized();
    error ZeroAmount();
    error InvalidConfig();

    event CoordinatorSignerUpdated(address indexed signer);
    event EpochCommitSet(uint64 indexed epochId, bytes32 commit);
    event EpochSecretRevealed(uint64 indexed epochId, bytes32 secret);
    event EpochFunded(uint64 indexed epochId, uint256 amount, uint256 epochReward);
    event BonusFunded(uint64 indexed epochId, uint256 amount, uint256 bonusReward);
    event EpochFinalized(uint64 indexed epochId, uint256 totalCredits);

    constructor(
        IERC20 token_,
        address signer,
        uint256 genesis,
        uint256 duration,
        string memory domainName,
        string memory domainVersion,
        address initialOwner
    ) Ownable(initialOwner) EIP712(domainName, domainVersion) {
        if (address(token_) == address(0) || signer == address(0) || duration == 0) revert InvalidConfig();
        // A future genesis would make currentEpoch() underflow; 0 means "now".
        uint256 start = genesis == 0 ? block.timestamp : genesis;
        if (start > block.timestamp) revert InvalidConfig();
        token = token_;
        coordinatorSigner = signer;
        genesisTimestamp = start;
        epochDuration = duration;
        emit CoordinatorSignerUpdated(signer);
    }

    // ---- views ----

    function currentEpoch() public view returns (uint64) {
        return uint64((block.timestamp - genesisTimestamp) / epochDuration);
    }

    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    function isBonusEpoch(uint64 epochId) external view returns (bool) {
        return bonusReward[epochId] > 0;
    }

    // ---- operator ----

    function setCoordinatorSigner(address signer) external onlyOwner {
        if (signer == address(0)) revert InvalidConfig();
        coordinatorSigner = signer;
        emit CoordinatorSignerUpdated(signer);
    }

    function setEpochCommit(uint64 epochId, bytes32 commit) external onlyOwner {
        if (epochId < currentEpoch()) revert WrongEpoch();
        if (commit == bytes32(0)) revert InvalidCommit();
        // Overwriting would let the operator change the secret behind already-issued work.
        if (epochCommit[epochId] != bytes32(0)) revert CommitAlreadySet();
        epochCommit[epochId] = commit;
        emit EpochCommitSet(epochId, commit);
    }

    function revealEpochSecret(uint64 epochId, bytes32 secret) external onlyOwner {
        bytes32 commit = epochCommit[epochId];
        if (commit == bytes32(0)) revert MissingEpochCommit();
        // Revealing early would let miners predict the epoch's remaining challenges.
        if (epochId >= currentEpoch()) revert EpochNotEnded();
        if (epochSecret[epochId] != bytes32(0)) revert AlreadyRevealed();
        if (keccak256(abi.encodePacked(secret)) != commit) revert SecretMismatch();
        epochSecret[epochId] = secret;
        emit EpochSecretRevealed(epochId, secret);
    }

    function fundEpoch(uint64 epochId, uint256 amount) external onlyOwner {
        epochReward[epochId] += _pullFunding(epochId, amount);
        emit EpochFunded(epochId, amount, epochReward[epochId]);
    }

    function fundBonus(uint64 epochId, uint256 amount) external onlyOwner {
        bonusReward[epochId] += _pullFunding(epochId, amount);
        emit BonusFunded(epochId, amount, bonusReward[epochId]);
    }

    function finalizeEpoch(uint64 epochId) external onlyOwner {
        if (epochId >= currentEpoch()) revert EpochNotEnded();
        if (epochFinalized[epochId]) revert AlreadyFinalized();
        epochFinalized[epochId] = true;
        emit EpochFinalized(epochId, totalCredits[epochId]);
    }

    // ---- internals for the lanes ----

    /// Receipts are accepted only for the running epoch, and only once its commit exists.
    function _requireOpenEpoch(uint64 epochId) internal view {
        if (epochId != currentEpoch()) revert WrongEpoch();
        if (epochCommit[epochId] == bytes32(0)) revert MissingEpochCommit();
    }

    /// Returns the EIP-712 digest of `structHash` after checking the coordinator signed it.
    function _requireCoordinatorSignature(
        bytes32 structHash,
        bytes calldata signature
    ) internal view returns (bytes32 digest) {
        digest = _hashTypedDataV4(structHash);
        (address recovered, ECDSA.RecoverError err, ) = ECDSA.tryRecoverCalldata(digest, signature);
        if (err != ECDSA.RecoverError.NoError || recovered != coordinatorSigner) revert InvalidSignature();
    }

    function _addCredits(uint64 epochId, bytes32 account, uint256 amount) internal {
        _credits[epochId][account] += amount;
        totalCredits[epochId] += amount;
    }

    function _requireClaimBatch(uint256 count) internal pure {
        if (count > MAX_CLAIM_EPOCHS) revert TooManyEpochs();
    }

    /// Marks `account`'s share of one epoch (regular or bonus) as claimed and returns it.
    /// Reverts unless the epoch is funded, finalized (hence ended), credited and unclaimed.
    function _settle(uint64 epochId, bytes32 account, bool bonus) internal returns (uint256 amount) {
        uint256 reward = bonus ? bonusReward[epochId] : epochReward[epochId];
        if (reward == 0) {
            if (bonus) revert NotBonusEpoch();
            revert EpochNotFunded();
        }
        if (!epochFinalized[epochId]) revert EpochNotFinalized();
        uint256 earned = _credits[epochId][account];
        if (earned == 0) revert NoCredits();
        mapping(bytes32 => bool) storage flags = bonus ? _bonusClaimed[epochId] : _claimed[epochId];
        if (flags[account]) revert AlreadyClaimed();
        flags[account] = true;
        amount = (reward * earned) / totalCredits[epochId];
    }

    function _pay(address to, uint256 amount) internal {
        if (amount > 0) token.safeTransfer(to, amount);
    }

    function _pullFunding(uint64 epochId, uint256 amount) private returns (uint256) {
        if (amount == 0) revert ZeroAmount();
        // Finalizing freezes an epoch's rewards, so early and late claimers get the same share.
        if (epochFinalized[epochId]) revert AlreadyFinalized();
        token.safeTransferFrom(msg.sender, address(this), amount);
        return amount;
    }
}
