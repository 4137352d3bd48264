// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title MiningRigNFT — the sandbox rig registry (ERC-721), read by BotcoinMiningRigs.
/// @notice Design (production's registry is not public beyond its role, spec/protocol.md §5):
/// - Rig ids start at 1 and are minted by the owner (the sandbox operator) with a
///   `creditsPerSolve` value; that value is the rig's eligibility (0 = not eligible, the
///   coordinator's `RIG_ZERO_CREDITS`) and what one accepted receipt credits.
/// - The rig's holder may delegate mining to one operator wallet (`setOperator`); the holder
///   itself is always authorized. There are no leases here.
/// - A transfer clears the delegation: a new holder must choose its own operator, which voids
///   work issued to the old operator (routine per the protocol).
contract MiningRigNFT is ERC721, Ownable {
    uint256 public nextRigId = 1;
    mapping(uint256 rigId => address) public rigOperator;
    mapping(uint256 rigId => uint256) public creditsPerSolve;

    error NotRigHolder();

    event RigMinted(uint256 indexed rigId, address indexed holder, uint256 creditsPerSolve);
    event RigCreditsSet(uint256 indexed rigId, uint256 creditsPerSolve);
    event RigOperatorSet(uint256 indexed rigId, address indexed operator);

    constructor(address initialOwner) ERC721("Mining Rig", "RIG") Ownable(initialOwner) {}

    function mintRig(address to, uint256 credits) external onlyOwner returns (uint256 rigId) {
        rigId = nextRigId++;
        creditsPerSolve[rigId] = credits;
        _safeMint(to, rigId);
        emit RigMinted(rigId, to, credits);
    }

    function setRigCredits(uint256 rigId, uint256 credits) external onlyOwner {
        _requireOwned(rigId);
        creditsPerSolve[rigId] = credits;
        emit RigCreditsSet(rigId, credits);
    }

    /// The rig's holder names its operator (address(0) removes the delegation).
    function setOperator(uint256 rigId, address operator) external {
        if (_requireOwned(rigId) != msg.sender) revert NotRigHolder();
        rigOperator[rigId] = operator;
        emit RigOperatorSet(rigId, operator);
    }

    /// The rig's holder, or address(0) when the rig does not exist (never reverts).
    function holderOf(uint256 rigId) public view returns (address) {
        return _ownerOf(rigId);
    }

    function isAuthorized(uint256 rigId, address account) external view returns (bool) {
        address holder = _ownerOf(rigId);
        return holder != address(0) && account != address(0) && (account == holder || account == rigOperator[rigId]);
    }

    function _update(address to, uint256 rigId, address auth) internal override returns (address from) {
        from = super._update(to, rigId, auth);
        if (from != address(0) && rigOperator[rigId] != address(0)) {
            delete rigOperator[rigId];
            emit RigOperatorSet(rigId, address(0));
        }
    }
}
